//! "Did you mean" suggestions for misspelt names.

/// The known name closest to `name` by edit distance, as a hint, when one is close enough.
pub fn did_you_mean<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let len = name.chars().count();
    if len > MAX_LEN {
        return None;
    }
    // One edit in a short name, one in three in a longer one: `gzz` is `ggz`, `xyz` is not.
    let limit = (len / 3).max(1);
    known
        .into_iter()
        // Names whose lengths differ by more than the limit cannot be close; skipping them keeps
        // the work small however long or many the names are.
        .filter(|k| {
            k.len().abs_diff(name.len()) <= limit * 4 && k.chars().count().abs_diff(len) <= limit
        })
        .map(|k| (distance(name, k), k))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, k)| crate::tr!("bedoelde u `{k}`?", "did you mean `{k}`?"))
}

/// Names longer than this get no suggestion: nobody misspells a name of 200 characters.
const MAX_LEN: usize = 200;

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_name() {
        let known = [
            "rob_aanbevelingen_overeengekomen",
            "financiele_ruimte_voldoende",
        ];
        assert_eq!(
            did_you_mean("rob_aanbevelingen_overeengkomen", known).as_deref(),
            Some("bedoelde u `rob_aanbevelingen_overeengekomen`?")
        );
        assert_eq!(did_you_mean("iets_heel_anders", known), None);
    }
}
