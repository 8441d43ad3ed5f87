//! `akkoord-peers table`: the tables of BENCHMARKS.md from criterion's saved medians.
//! `akkoord-peers check`: every engine on every workload at full size, every verdict compared.
//! `akkoord-peers show WORKLOAD ENGINE`: a workload as an engine reads it.

use std::process::ExitCode;
use std::time::Instant;

use akkoord_peers::cases::{EVAL_CASES, LOAD_SIZES, RVM_MAX_RULES, load_workload};
use akkoord_peers::{Engines, akk, cedar, check_agreement, model, rego, table};

const USAGE: &str = "usage: akkoord-peers table [CRITERION_DIR]
       akkoord-peers check
       akkoord-peers show motions4|small|lifts akkoord|facts|cedar|entities|schema|rego";

fn check() -> Result<(), String> {
    let mut m4 = model::motions4();
    m4.decide = (0..m4.agreements.len()).collect();
    let mut workloads = vec![(m4, Engines::ALL)];
    for case in &EVAL_CASES {
        let engines = Engines {
            cedar: true,
            rego: true,
            rvm: case.rules <= RVM_MAX_RULES,
        };
        workloads.push((case.full(), engines));
    }
    for (w, engines) in workloads {
        let start = Instant::now();
        let mag = check_agreement(&w, engines)?;
        println!(
            "✓ {}: {} verdicts agree ({mag} mag), {:.1} s",
            w.name,
            w.decide.len(),
            start.elapsed().as_secs_f64()
        );
    }
    for rules in LOAD_SIZES {
        let w = load_workload(rules);
        akk::load(&akk::rules_text(&w), &akk::facts_text(&w))?;
        cedar::parse_and_validate(&cedar::policies_text(&w), &cedar::validator(&w)?)?;
        rego::engine_with(&rego::policy_text(&w))?;
        println!("✓ load {rules}: every engine reads the rules");
    }
    Ok(())
}

fn show(workload: &str, what: &str) -> Result<String, String> {
    let w = match workload {
        "motions4" => model::motions4(),
        "small" => model::rules_x_agreements(20, 5, 1),
        "lifts" => model::with_lifts(20, 5, 1),
        _ => return Err(USAGE.into()),
    };
    Ok(match what {
        "akkoord" => akk::rules_text(&w),
        "facts" => akk::facts_text(&w),
        "cedar" => cedar::policies_text(&w),
        "entities" => cedar::entities_value(&w).to_string(),
        "schema" => cedar::schema_text(&w),
        "rego" => rego::policy_text(&w),
        _ => return Err(USAGE.into()),
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["table"] => Ok(table::render(&table::criterion_dir())),
        ["table", dir] => Ok(table::render(std::path::Path::new(dir))),
        ["check"] => check().map(|()| String::new()),
        ["show", workload, what] => show(workload, what),
        _ => Err(USAGE.into()),
    };
    match result {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
