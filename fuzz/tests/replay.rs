//! Every reproducer under `regressions/<target>/` is replayed through its target. A reproducer
//! listed in `regressions/OPEN` is a known, unfixed finding and is skipped; once the engine is
//! fixed, delete its line and it guards against the bug coming back.

use std::fs;
use std::path::Path;

fn open_findings(dir: &Path) -> Vec<String> {
    fs::read_to_string(dir.join("OPEN"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn every_fixed_reproducer_passes_its_target() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("regressions");
    let open = open_findings(&dir);
    for entry in open.iter() {
        assert!(
            dir.join(entry).is_file(),
            "regressions/OPEN names `{entry}`, which does not exist"
        );
    }
    let Ok(targets) = fs::read_dir(&dir) else {
        return;
    };
    let mut replayed = 0;
    for target in targets.flatten().filter(|e| e.path().is_dir()) {
        let name = target.file_name().to_string_lossy().into_owned();
        let mut files: Vec<_> = fs::read_dir(target.path())
            .expect("readable folder")
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        for file in files {
            let rel = format!(
                "{name}/{}",
                file.file_name().unwrap_or_default().to_string_lossy()
            );
            if open.contains(&rel) {
                continue;
            }
            eprintln!("replaying {rel}");
            akkoord_fuzz::replay(&name, &file);
            replayed += 1;
        }
    }
    eprintln!(
        "{replayed} reproducers replayed, {} open findings skipped",
        open.len()
    );
}
