//! The layout on small inputs; the laws (idempotence, same tree, Dutch → English → Dutch) are
//! property tests in `tests/fmt.rs`.

use super::*;

fn fmt(text: &str) -> String {
    match format(FileId(0), text, None) {
        Ok(f) => f.text,
        Err(e) => format!("error: {e}"),
    }
}

fn english(text: &str) -> String {
    match format(FileId(0), text, Some(Lang::En)) {
        Ok(f) => f.text,
        Err(e) => format!("error: {e}"),
    }
}

#[test]
fn a_short_declaration_stays_on_one_line() {
    assert_eq!(fmt("feit  x :janee\n\"X?\""), "feit x: janee \"X?\"\n");
}

#[test]
fn an_empty_file_stays_empty() {
    assert_eq!(fmt(""), "");
    assert_eq!(fmt("  \n\n"), "");
}

const RULE: &str = "motie m \"M\" {\n  vergadering ALV 2018-01-01\n\n  regel r {\n    bron \"z\"\n    vereis a voor ondertekening van elk akkoord\n  }\n}\n";

#[test]
fn a_formatted_rule_stays_as_it_is() {
    assert_eq!(fmt(RULE), RULE);
}

#[test]
fn a_messy_rule_gets_the_canonical_layout() {
    let messy = "motie m \"M\"{vergadering ALV 2018-01-01 regel r{bron \"z\" vereis (a) voor ondertekening van elk akkoord}}";
    assert_eq!(fmt(messy), RULE);
}

#[test]
fn keywords_convert_to_english_and_back() {
    let en = english(RULE);
    assert_eq!(
        en,
        "motion m \"M\" {\n  meeting ALV 2018-01-01\n\n  rule r {\n    source \"z\"\n    require a for signing of every agreement\n  }\n}\n"
    );
    assert_eq!(fmt(&en), en, "an English file stays English");
    assert_eq!(
        format(FileId(0), &en, Some(Lang::Nl))
            .map(|f| f.text)
            .ok()
            .as_deref(),
        Some(RULE)
    );
}

fn condition(c: &str) -> String {
    let text = fmt(&format!(
        "feit x: janee \"?\"\neigenschap p \"P\" {{ als ondertekening van elk akkoord mag dan {c} }}"
    ));
    text.lines()
        .nth(3)
        .unwrap_or_default()
        .trim_start_matches("  als ondertekening van elk akkoord mag dan ")
        .to_string()
}

#[test]
fn parentheses_around_an_operation_inside_another_are_kept() {
    assert_eq!(condition("a of (b en c)"), "a of (b en c)");
    assert_eq!(condition("(a of b) en c"), "(a of b) en c");
    assert_eq!(condition("niet (a = 3)"), "niet (a = 3)");
    assert_eq!(condition("a en (b en c)"), "a en (b en c)");
}

#[test]
fn parentheses_that_hold_nothing_are_left_out() {
    assert_eq!(condition("(a)"), "a");
    assert_eq!(condition("((a en b))"), "a en b");
    assert_eq!(condition("a of ((b en c))"), "a of (b en c)");
    assert_eq!(condition("niet (a)"), "niet a");
    assert_eq!(condition("(x) in {y, z}"), "x in {y, z}");
}

#[test]
fn operators_and_literals_are_written_as_the_author_wrote_them() {
    assert_eq!(
        condition("x!=3 en y≤EUR 17 miljoen"),
        "x != 3 en y ≤ EUR 17 miljoen"
    );
    assert_eq!(condition("x = true of y = false"), "x = ja of y = nee");
}

#[test]
fn a_long_condition_breaks_before_each_operator() {
    let long = "aaaaaaaaaaaaaaaaaaaa en bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb en cccccccccccccccccccccccccccccccc";
    let text = fmt(&format!(
        "motie m \"M\" {{ vergadering ALV 2018-01-01 regel r {{ bron \"z\" verbied ondertekening van elk akkoord totdat {long} }} }}"
    ));
    assert!(
        text.contains(
            "    verbied ondertekening\n      van elk akkoord\n      totdat aaaaaaaaaaaaaaaaaaaa\n        en bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n        en cccccccccccccccccccccccccccccccc\n"
        ),
        "{text}"
    );
}

#[test]
fn comments_stay_between_the_same_words() {
    let text = "// kop\n\n// over x\nfeit x: janee \"?\" // achter x\n/* blok */ feit y: janee \"?\"\n// einde\n";
    assert_eq!(fmt(text), text);
}

#[test]
fn a_comment_inside_a_phrase_keeps_its_place_and_breaks_the_line() {
    let text = "feit a: janee \"?\"\neigenschap p \"P\" {\n  als ondertekening van elk akkoord mag dan a // waarom\n    en a\n}\n";
    let out = fmt(text);
    assert!(out.contains("mag dan a // waarom\n      en a\n"), "{out}");
    assert_eq!(fmt(&out), out);
    let inside = "motie m \"M\" { vergadering ALV 2018-01-01 regel r { bron \"z\" vereis niet // hier\n a voor ondertekening van elk akkoord } }";
    let out = fmt(inside);
    assert!(
        out.contains("    vereis niet // hier\n        a\n      voor"),
        "{out}"
    );
    assert_eq!(fmt(&out), out);
}

#[test]
fn comments_at_the_end_of_a_block_stay_inside_it() {
    let text = "scenario s \"S\" {\n  op 2018-01-01\n\n  // nog te doen\n}\n";
    assert_eq!(fmt(text), text);
    assert_eq!(fmt("scenario s \"S\" {}"), "scenario s \"S\" {}\n");
}

#[test]
fn a_multi_line_quote_is_kept_byte_for_byte() {
    let text = "motie m \"M\" {\n  vergadering ALV 2018-01-01\n\n  regel r {\n    bron \"een\n        twee \\\"drie\\\"\"\n    vereis a voor ondertekening van elk akkoord\n  }\n}\n";
    assert_eq!(fmt(text), text);
}

#[test]
fn crlf_line_endings_are_kept() {
    assert_eq!(
        fmt("feit x: janee \"?\"\r\nfeit y: janee \"?\"\r\n"),
        "feit x: janee \"?\"\r\nfeit y: janee \"?\"\r\n"
    );
}

#[test]
fn a_file_that_does_not_parse_is_an_error() {
    assert!(fmt("feit x janee").starts_with("error: "));
}

#[test]
fn a_byte_order_mark_is_dropped_and_old_mac_line_ends_become_line_feeds() {
    assert_eq!(
        fmt("\u{feff}feit x: janee \"?\"\rfeit y: janee \"?\""),
        "feit x: janee \"?\"\nfeit y: janee \"?\"\n"
    );
}

#[test]
fn the_keyword_language_is_the_one_most_keywords_are_in() {
    let mixed = "fact x: yesno \"?\"\nfact y: yesno \"?\"\nfeit z: janee \"?\"";
    assert_eq!(
        fmt(mixed),
        "fact x: yesno \"?\"\nfact y: yesno \"?\"\nfact z: yesno \"?\"\n"
    );
    let tie = "fact x: janee \"?\""; // one each
    assert_eq!(fmt(tie), "feit x: janee \"?\"\n");
}

#[test]
fn a_group_is_judged_from_its_first_word_not_from_the_comment_above_it() {
    let text = "// a comment long enough to pass the width of the line all on its own, and then some more words\nfeit x: janee \"?\"\n";
    assert_eq!(fmt(text), text);
}

#[test]
fn a_construct_the_layout_does_not_know_is_kept_as_written() {
    // what the builder does with a node kind added to the grammar after it
    let text = "feit x : janee\n   \"?\" // waarom\n  eis \"!\"\n";
    let tree = parse_tree(FileId(0), text).expect("parses");
    let comments = comments::collect(text);
    let mut builder = layout::Builder::new(text, &comments, Lang::En);
    let doc = builder.raw(layout::Sep::Stmt, &tree.children[0]);
    assert!(builder.wrote_every_comment());
    assert_eq!(doc::print(&doc, WIDTH, "\n"), text.trim_end());
}

#[test]
fn the_check_refuses_a_result_that_changes_the_tree_a_comment_a_quote_or_is_not_stable() {
    let text = "motie m \"M\" {\n  vergadering ALV 2018-01-01\n  hef op a.b\n    bron \"q\"\n    aanname \"x\" // c\n}\n";
    let before = parse_file(FileId(0), text).expect("parses");
    let refused = |out: &str| {
        check(FileId(0), (text, &before), out, Lang::Nl)
            .err()
            .map(|p| p.to_string())
            .unwrap_or_default()
    };
    assert_eq!(refused(text), "");
    let other_rule = text.replace("a.b", "a.c");
    assert!(refused(&other_rule).contains("iets anders betekenen"));
    let no_comment = text.replace(" // c", "");
    assert!(refused(&no_comment).contains("opmerking"));
    // the syntax tree does not compare assumptions of events; the quotes do
    let other_assumption = text.replace("\"x\"", "\"y\"");
    assert!(refused(&other_assumption).contains("aanhalingstekens"));
    let unstable = text.replace("hef op", "hef  op");
    assert!(refused(&unstable).contains("tweede keer"));
}
