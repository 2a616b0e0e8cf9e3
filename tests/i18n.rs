//! The message catalogs: every language has every key (the compiler checks that), and every
//! translation keeps the English text's placeholders, so no `{n}` or `{time}` is lost or invented.

use phone_otp::i18n::{Key, Locale, Texts};

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
    assert_eq!(
        Texts::new(Locale::Fr, []).attempts_left(2),
        "2 tentatives restantes"
    );
}

#[test]
fn every_key_has_its_own_name_and_the_host_can_override_it() {
    let mut names: Vec<&str> = Key::ALL.iter().map(|k| k.name()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), Key::ALL.len());
    for key in Key::ALL {
        assert_eq!(format!("{key:?}"), key.name());
        let texts = Texts::new(
            Locale::Ar,
            [(key.name().to_string(), "<b>mine</b>".to_string())],
        );
        assert_eq!(texts.text(key), "<b>mine</b>");
    }
    let ignored = Texts::new(Locale::En, [("NoSuchKey".to_string(), "x".to_string())]);
    assert!(ignored.overrides.is_empty());
}
