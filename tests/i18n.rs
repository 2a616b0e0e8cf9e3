//! The message catalogs: every language has every key (the compiler checks that), and every
//! translation keeps the English text's placeholders, so no `{n}` or `{time}` is lost or invented.

use phone_otp::i18n::{Key, Locale};

fn placeholders(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    out.sort_unstable();
    out
}

#[test]
fn every_translation_keeps_the_placeholders() {
    for key in Key::ALL {
        let english = placeholders(Locale::En.text(key));
        for lang in Locale::ALL {
            let text = lang.text(key);
            assert!(!text.trim().is_empty(), "{lang:?} {key:?} is empty");
            assert_eq!(placeholders(text), english, "{lang:?} {key:?}: {text}");
        }
    }
}

#[test]
fn languages_are_picked_by_tag() {
    for (tag, lang) in [
        ("en-US", Locale::En),
        ("fr-CA", Locale::Fr),
        ("es-419", Locale::Es),
        ("pt-BR", Locale::Pt),
        ("ms-MY", Locale::Ms),
        ("id", Locale::Id),
        ("ar-EG", Locale::Ar),
        ("", Locale::En),
        ("xx", Locale::En),
    ] {
        assert_eq!(Locale::from_tag(tag), lang, "{tag}");
    }
    assert!(Locale::Ar.rtl());
    assert_eq!(Locale::Fr.attempts_left(2), "2 tentatives restantes");
}
