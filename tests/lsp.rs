//! The language server, driven through its protocol in-process (`Connection::memory`) on the
//! frozen VNG rule base: problems as you type, hover, definition, references, completion and the
//! outline; and a server that answers bad requests and keeps serving.

mod client;

use std::path::Path;

use akkoord::editor::{self, KEYWORDS, Position, Workspace};
use akkoord::i18n::Lang;
use lsp_server::ErrorCode;
use serde_json::{Value, json};

use crate::common::{VNG, akkoord, copy_dir, root};

use client::{
    Editor, code, complete_after, file, hover_text, labels, labels_of, open, place, shipped, uri,
};

#[test]
fn the_shipped_files_have_no_problems_and_every_file_of_the_folder_is_published() {
    let mut editor = Editor::start(Lang::Nl, None);
    let files = shipped();
    for (path, text) in &files {
        editor.open(path, text);
    }
    editor.settle();
    for (path, _) in &files {
        let problems = editor.problems(path);
        assert_eq!(problems, Some(&Vec::new()), "{}", path.display());
    }
}

#[test]
fn a_typo_is_reported_where_it_is_and_is_gone_after_the_fix() {
    let (mut editor, path, text) = open("2018-06-27-alv.akk");
    let typo = text.replacen(
        "totdat rob_aanbevelingen_overeengekomen",
        "totdat rob_aanbevelingen_overeengkomen",
        1,
    );
    editor.change(&path, 2, &typo);
    editor.settle();
    let problems = editor.problems(&path).cloned().unwrap_or_default();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    let problem = &problems[0];
    let start = place(&typo, "rob_aanbevelingen_overeengkomen", 0);
    let end = place(&typo, "rob_aanbevelingen_overeengkomen", 31);
    assert_eq!(
        problem["range"]["start"],
        json!({"line": start.line, "character": start.character})
    );
    assert_eq!(
        problem["range"]["end"],
        json!({"line": end.line, "character": end.character})
    );
    assert_eq!(problem["code"], "akkoord::unknown_name");
    assert_eq!(problem["severity"], 1);
    let message = problem["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("rob_aanbevelingen_overeengkomen"),
        "{message}"
    );
    assert!(
        message.contains("hulp: bedoelde u `rob_aanbevelingen_overeengekomen`"),
        "{message}"
    );
    editor.change(&path, 3, &text);
    editor.settle();
    assert_eq!(editor.problems(&path), Some(&Vec::new()));
}

#[test]
fn a_problem_in_the_facts_file_is_published_for_the_facts_file() {
    let (mut editor, _, _) = open("2018-06-27-alv.akk");
    let (facts, text) = file("feiten.json");
    let broken = text.replacen("\"ibp_akkoord\"", "\"ibp_akord\"", 1);
    editor.open(&facts, &broken);
    editor.settle();
    let problems = editor.problems(&facts).cloned().unwrap_or_default();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0]["code"], "akkoord::facts::unknown");
    let start = place(&broken, "\"ibp_akord\"", 0);
    assert_eq!(problems[0]["range"]["start"]["line"], start.line);
}

#[test]
fn hover_on_a_fact_gives_its_type_question_requirement_and_value() {
    let (mut editor, path, text) = open("2018-06-27-alv.akk");
    let at = place(&text, "totdat rob_aanbevelingen_overeengekomen", 10);
    let shown = hover_text(&mut editor, &path, at);
    assert!(
        shown.contains("**feit** `rob_aanbevelingen_overeengekomen`: `janee`"),
        "{shown}"
    );
    assert!(
        shown.contains("Is er overeenstemming met het kabinet"),
        "{shown}"
    );
    assert!(shown.contains("*eis:* er is overeenstemming"), "{shown}");
    assert!(
        shown.contains("Waarde op 1 juni 2019: nee (sinds "),
        "{shown}"
    );
    assert!(shown.contains("bron: "), "{shown}");
}

#[test]
fn hover_on_a_rule_target_gives_its_quote_source_and_status() {
    let (mut editor, path, text) = open("2018-11-30-balv.akk");
    let at = place(&text, "hef op rob_bijstand.blokkade", 21);
    let shown = hover_text(&mut editor, &path, at);
    assert!(
        shown.contains("**regel** `rob_bijstand.blokkade`"),
        "{shown}"
    );
    assert!(
        shown.contains("> Niet eerder over te gaan tot het sluiten"),
        "{shown}"
    );
    assert!(
        shown.contains(
            "motie “Advies ROB over financieringssystematiek bijstand” (ALV 27 juni 2018)"
        ),
        "{shown}"
    );
    assert!(shown.contains("bindt niet op 1 juni 2019"), "{shown}");
    assert!(shown.contains("opgeheven op 30 november 2018"), "{shown}");
    let at = place(&text, "hef op rob_bijstand.blokkade", 9);
    let source = hover_text(&mut editor, &path, at);
    assert!(source.contains("**motie** `rob_bijstand`"), "{source}");
    assert!(
        source.contains("vergadering: ALV op 27 juni 2018"),
        "{source}"
    );
}

#[test]
fn hover_on_an_agreement_gives_its_name_attributes_and_verdict_for_signing() {
    let (mut editor, path, text) = open("2019-voorjaar-ggz.akk");
    let at = place(&text, "akkoord ggz", 9);
    let shown = hover_text(&mut editor, &path, at);
    assert!(
        shown.contains("**akkoord** `ggz`: Hoofdlijnenakkoord GGZ"),
        "{shown}"
    );
    assert!(shown.contains("- `soort`: hoofdlijnenakkoord"), "{shown}");
    assert!(
        shown
            .contains("Op 1 juni 2019 mag het bestuur ‘Hoofdlijnenakkoord GGZ’ niet ondertekenen."),
        "{shown}"
    );
}

#[test]
fn hover_on_a_keyword_says_what_it_does_in_the_language_asked_for() {
    let (path, text) = file("2018-11-30-balv.akk");
    let mut editor = Editor::start(Lang::En, None);
    editor.open(&path, &text);
    let shown = hover_text(&mut editor, &path, place(&text, "hef op", 1));
    assert!(shown.contains("`hef op` / `lift`"), "{shown}");
    assert!(shown.contains("Lifts a rule or source"), "{shown}");
    let at = place(&text, "hef op rob_bijstand.blokkade", 21);
    let rule = hover_text(&mut editor, &path, at);
    assert!(rule.contains("**rule** `rob_bijstand.blokkade`"), "{rule}");
    assert!(rule.contains("lifted on 30 November 2018"), "{rule}");
}

#[test]
fn definition_of_a_fact_in_a_condition_is_its_declaration() {
    let (mut editor, path, text) = open("2018-06-27-alv.akk");
    let at = place(&text, "totdat rob_aanbevelingen_overeengekomen", 12);
    let found = editor.at("textDocument/definition", &path, at, json!({}));
    let (decl_path, decl_text) = file("00-declaraties.akk");
    let start = place(&decl_text, "feit rob_aanbevelingen_overeengekomen", 5);
    assert_eq!(found.as_array().map(Vec::len), Some(1), "{found}");
    assert_eq!(found[0]["uri"], uri(&decl_path).as_str());
    assert_eq!(
        found[0]["range"]["start"],
        json!({"line": start.line, "character": start.character})
    );
}

#[test]
fn definition_of_an_agreement_is_its_key_in_the_facts_file() {
    let (mut editor, path, text) = open("2019-voorjaar-ggz.akk");
    let found = editor.at(
        "textDocument/definition",
        &path,
        place(&text, "akkoord ggz", 9),
        json!({}),
    );
    let (facts, facts_text) = file("feiten.json");
    let key = place(&facts_text, "\"ggz\":", 1);
    assert_eq!(found[0]["uri"], uri(&facts).as_str());
    assert_eq!(
        found[0]["range"]["start"],
        json!({"line": key.line, "character": key.character})
    );
}

#[test]
fn references_of_a_fact_are_in_rules_scenarios_and_the_facts_file() {
    let (mut editor, path, text) = open("2018-06-27-alv.akk");
    let at = place(&text, "totdat rob_aanbevelingen_overeengekomen", 12);
    let with = json!({ "context": { "includeDeclaration": true } });
    let found = editor.at("textDocument/references", &path, at, with);
    let files: Vec<&str> = found
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|l| l["uri"].as_str())
        .collect();
    for name in [
        "00-declaraties.akk",
        "2018-06-27-alv.akk",
        "feiten.json",
        "tests/principes.akk",
    ] {
        assert!(
            files.iter().any(|f| f.ends_with(name)),
            "{name} in {files:?}"
        );
    }
    let without = json!({ "context": { "includeDeclaration": false } });
    let uses = editor.at("textDocument/references", &path, at, without);
    let count = |v: &Value| v.as_array().map_or(0, Vec::len);
    assert_eq!(count(&uses) + 1, count(&found));
}

#[test]
fn completion_offers_the_facts_that_fit_what_was_typed() {
    let found = complete_after(
        "motie m \"t\" { vergadering ALV 2019-06-12 regel r { bron \"q\" vereis rob_aanb",
    );
    assert_eq!(labels(&found), ["rob_aanbevelingen_overeengekomen"]);
    let edit = &found[0]["textEdit"];
    assert_eq!(edit["newText"], "rob_aanbevelingen_overeengekomen");
    assert_eq!(
        edit["range"]["end"]["character"].as_u64().map(|e| e - 8),
        edit["range"]["start"]["character"].as_u64()
    );
}

#[test]
fn completion_offers_keywords_in_dutch_and_english() {
    let found = complete_after("mot");
    let got = labels(&found);
    assert!(
        got.contains(&"motie".into()) && got.contains(&"motion".into()),
        "{got:?}"
    );
    let motie = found
        .as_array()
        .into_iter()
        .flatten()
        .find(|c| c["label"] == "motie");
    let detail = motie.and_then(|c| c["detail"].as_str()).unwrap_or_default();
    assert!(detail.contains("motie van de leden"), "{detail}");
}

#[test]
fn completion_offers_agreement_ids_after_akkoord() {
    let found = complete_after(
        "motie m \"t\" { vergadering ALV 2019-06-12 regel r { bron \"q\" vereis ja voor ondertekening van akkoord ",
    );
    let got = labels(&found);
    for id in ["ggz", "preventie", "ibp", "iza_vervolg"] {
        assert!(got.iter().any(|l| l == id), "{id} in {got:?}");
    }
    assert!(!got.iter().any(|l| l == "verbied"), "{got:?}");
    let found = complete_after(
        "motie m \"t\" { vergadering ALV 2019-06-12 regel r { bron \"q\" vereis ja voor ondertekening van akkoord ggz, pre",
    );
    assert_eq!(labels(&found), ["preventie"]);
}

#[test]
fn completion_offers_rules_after_hef_op_and_values_in_a_set() {
    let found = complete_after("besluit b \"t\" { vergadering ALV 2019-06-12 hef op rob_bijstand.");
    assert_eq!(
        labels(&found),
        ["rob_bijstand.blokkade", "rob_bijstand.randvoorwaarde_ibp"]
    );
    let found = complete_after(
        "motie m \"t\" { vergadering ALV 2019-06-12 regel r { bron \"q\" vereis ja voor ondertekening van akkoord waar domein in {zorg, ",
    );
    let got = labels(&found);
    assert!(got.contains(&"sociaal_domein".to_string()), "{got:?}");
    assert!(!got.contains(&"deelakkoord".to_string()), "{got:?}");
    let found = complete_after("feit nieuw: ");
    assert!(labels(&found).contains(&"janee".to_string()));
}

#[test]
fn the_outline_has_sources_with_their_rules_and_decisions() {
    let (mut editor, path, _) = open("2018-11-30-balv.akk");
    let found = editor.ask(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri(&path) } }),
    );
    let symbols = found.as_array().cloned().unwrap_or_default();
    assert!(!symbols.is_empty());
    let names: Vec<&str> = symbols.iter().filter_map(|s| s["name"].as_str()).collect();
    assert!(names.contains(&"balv_2018_11"), "{names:?}");
    let children: Vec<String> = symbols
        .iter()
        .flat_map(|s| s["children"].as_array().cloned().unwrap_or_default())
        .filter_map(|c| c["name"].as_str().map(str::to_string))
        .collect();
    assert!(
        children.iter().any(|c| c == "hef op rob_bijstand.blokkade"),
        "{children:?}"
    );
    for s in &symbols {
        let (range, selection) = (&s["range"], &s["selectionRange"]);
        assert!(range["start"]["line"].as_u64() <= selection["start"]["line"].as_u64());
        assert!(range["end"]["line"].as_u64() >= selection["end"]["line"].as_u64());
    }
    let (declarations, _) = file("00-declaraties.akk");
    let params = json!({ "textDocument": { "uri": uri(&declarations) } });
    let names: Vec<String> = labels_of(&editor.ask("textDocument/documentSymbol", params), "name");
    assert!(names.contains(&"soort".to_string()), "{names:?}");
    assert!(
        names.contains(&"rob_aanbevelingen_overeengekomen".to_string()),
        "{names:?}"
    );
}

#[test]
fn unknown_requests_and_bad_parameters_get_errors_and_the_server_goes_on() {
    let (mut editor, path, text) = open("2018-06-27-alv.akk");
    let unknown = editor.request("textDocument/formatting", json!({}));
    assert_eq!(code(&unknown), Some(ErrorCode::MethodNotFound as i32));
    let bad = editor.request("textDocument/hover", json!({ "textDocument": 3 }));
    assert_eq!(code(&bad), Some(ErrorCode::InvalidParams as i32));
    let far = Position {
        line: 10_000,
        character: 10_000,
    };
    assert_eq!(
        editor.at("textDocument/hover", &path, far, json!({})),
        Value::Null
    );
    editor.notify("textDocument/didChange", json!({ "nonsense": true }));
    editor.change(&path, 2, "motie \"{ €€€ /* ");
    editor.settle();
    assert!(editor.problems(&path).is_some_and(|p| !p.is_empty()));
    let at = place(&text, "totdat rob_aanbevelingen_overeengekomen", 10);
    let other = Path::new("/nergens/x.akk");
    assert_eq!(
        editor.at("textDocument/definition", other, at, json!({})),
        json!([])
    );
    editor.change(&path, 3, &text);
    let shown = hover_text(&mut editor, &path, at);
    assert!(
        shown.contains("rob_aanbevelingen_overeengekomen"),
        "{shown}"
    );
}

#[test]
fn the_problems_are_exactly_those_of_validate() {
    let dir = std::env::temp_dir().join(format!("akkoord-lsp-same-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&root().join(VNG), &dir);
    let edit = |name: &str, from: &str, to: &str| {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path).expect("a copied file reads");
        assert!(text.contains(from), "`{from}` in {name}");
        std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
    };
    edit(
        "2018-06-27-alv.akk",
        "totdat rob_aanbevelingen_overeengekomen",
        "totdat rob_aanbevelingen",
    );
    edit(
        "00-declaraties.akk",
        "keuze domein",
        "feit soort: janee \"?\"\nkeuze domein",
    );
    edit("feiten.json", "\"ibp_akkoord\"", "\"ibp_akord\"");
    edit(
        "tests/2019-ggz.akk",
        "verwacht ondertekening van ggz",
        "verwacht ondertekening van gzz",
    );
    let rules = dir.display().to_string();
    let (code, _, stderr) = akkoord(&["validate", "--format", "json", "--rules", &rules]);
    assert_eq!(code, 2, "{stderr}");
    let cli: Value = serde_json::from_str(&stderr).expect("errors as JSON");
    let mut expected: Vec<(String, u64, u64, String, String)> = cli["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            let text = |k: &str| e[k].as_str().unwrap_or_default().to_string();
            let number = |k: &str| e[k].as_u64().unwrap_or_default();
            (
                text("file"),
                number("line"),
                number("column"),
                text("code"),
                text("message"),
            )
        })
        .collect();
    let mut editor = Editor::start(Lang::Nl, None);
    let (path, text) = (
        dir.join("feiten.json"),
        std::fs::read_to_string(dir.join("feiten.json")),
    );
    editor.open(&path, &text.expect("the facts file reads"));
    editor.settle();
    let mut published: Vec<(String, u64, u64, String, String)> = editor
        .all_problems()
        .into_iter()
        .map(|(path, d)| {
            let start = &d["range"]["start"];
            let message = d["message"].as_str().unwrap_or_default();
            let first = message.lines().next().unwrap_or_default().to_string();
            let at = |k: &str| start[k].as_u64().unwrap_or_default() + 1;
            let code = d["code"].as_str().unwrap_or_default().to_string();
            (
                path.display().to_string(),
                at("line"),
                at("character"),
                code,
                first,
            )
        })
        .collect();
    drop(editor);
    let _ = std::fs::remove_dir_all(&dir);
    expected.sort();
    published.sort();
    assert!(expected.len() >= 4, "{expected:#?}");
    assert_eq!(published, expected);
}

#[test]
fn every_keyword_of_the_grammar_is_explained_and_coloured() {
    let grammar = std::fs::read_to_string(root().join("grammar/akkoord.pest")).expect("grammar");
    let colours = std::fs::read_to_string(root().join("editors/akkoord.tmLanguage.json"))
        .expect("the TextMate grammar");
    let known: Vec<&str> = KEYWORDS
        .iter()
        .flat_map(|k| k.spellings())
        .flat_map(|s| s.split(' '))
        .collect();
    // In the TextMate grammar a keyword stands in an alternation: `(a|b)`, `a\\s+b`.
    let coloured = |word: &str| {
        colours.match_indices(word).any(|(i, _)| {
            let before = colours[..i].chars().last();
            let after = colours[i + word.len()..].chars().next();
            matches!(before, Some('(' | '|' | '+')) && matches!(after, Some('|' | ')' | '\\'))
        })
    };
    let rules = grammar.lines().filter(|l| {
        l.starts_with("kw_") || l.starts_with("verdict_") || l.starts_with("reservation_state")
    });
    let words: Vec<&str> = rules
        .flat_map(|l| l.split('"').skip(1).step_by(2))
        .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase()))
        .collect();
    assert!(words.len() > 100, "{words:?}");
    for word in words {
        assert!(known.contains(&word), "`{word}` has no explanation");
        assert!(coloured(word), "`{word}` is not in the TextMate grammar");
    }
}

#[test]
fn the_rule_folder_under_the_workspace_root_is_checked_at_once() {
    let dir = std::env::temp_dir().join(format!("akkoord-lsp-{}", std::process::id()));
    let rules = dir.join("rules");
    std::fs::create_dir_all(&rules).expect("a temporary folder");
    std::fs::write(
        rules.join("regels.akk"),
        "feit x: janee \"?\"\nfeit x: janee \"?\"\n",
    )
    .expect("write");
    std::fs::write(rules.join("feiten.json"), "{ \"akkoorden\": {} }").expect("write");
    let mut editor = Editor::start(Lang::Nl, Some(&dir));
    editor.settle();
    let problems = editor
        .problems(&rules.join("regels.akk"))
        .cloned()
        .unwrap_or_default();
    drop(editor);
    let _ = std::fs::remove_dir_all(&dir);
    let codes: Vec<&str> = problems.iter().filter_map(|p| p["code"].as_str()).collect();
    assert!(codes.contains(&"akkoord::duplicate"), "{problems:#?}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    #[test]
    fn the_editor_answers_everywhere_in_damaged_files(
        which in 0usize..3,
        cut in 0usize..4000,
        junk in "[{}()\"€=<>a-z0-9 \n.,/*:]{0,8}",
        line in 0u32..60,
        character in 0u32..100,
    ) {
        let name = ["2018-06-27-alv.akk", "feiten.json", "tests/2018-balv.akk"][which];
        let (path, text) = file(name);
        let mut at = cut.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let damaged = format!("{}{junk}{}", &text[..at], text[at..].get(junk.len()..).unwrap_or(""));
        let mut workspace = Workspace::new(None, Some(client::DAY));
        let folder = workspace.set_text(&path, damaged);
        let analysis = workspace.analysis(&folder);
        let place = Position { line, character };
        let _ = editor::hover(analysis, &path, place);
        let _ = editor::complete(analysis, &path, place);
        let _ = editor::definition(analysis, &path, place);
        let _ = editor::references(analysis, &path, place, true);
        let _ = editor::outline(analysis, &path);
        let _ = workspace.diagnostics(&folder);
    }
}
