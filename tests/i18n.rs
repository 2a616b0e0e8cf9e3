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

/// `www/i18n/<lang>.json`, which the custom element fetches for a page in that language (its
/// wasm carries English only), must hold exactly these catalogs. This test is their generator:
/// `UPDATE_CATALOGS=1 cargo test --test i18n` rewrites them.
#[test]
fn the_catalog_files_match_the_catalogs() {
    for lang in Locale::ALL.into_iter().filter(|l| *l != Locale::En) {
        let mut json = serde_json::Map::new();
        json.insert(
            "_generated".into(),
            format!(
                "by tests/i18n.rs from src/i18n/{}.rs: UPDATE_CATALOGS=1 cargo test --test i18n",
                lang.tag()
            )
            .into(),
        );
        for key in Key::ALL {
            json.insert(key.name().into(), lang.text(key).into());
        }
        let text = serde_json::to_string_pretty(&json).expect("strings serialize") + "\n";
        let path = format!(
            "{}/www/i18n/{}.json",
            env!("CARGO_MANIFEST_DIR"),
            lang.tag()
        );
        if std::env::var_os("UPDATE_CATALOGS").is_some() {
            std::fs::create_dir_all(format!("{}/www/i18n", env!("CARGO_MANIFEST_DIR")))
                .expect("mkdir");
            std::fs::write(&path, &text).expect("write catalog");
        }
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            on_disk == text,
            "{path} is out of date: UPDATE_CATALOGS=1 cargo test --test i18n"
        );
    }
}

/// The skeleton `www/phone-otp.js` paints before the wasm arrives shows the phone step's label
/// and hint in the page's language from a table of its own (the catalogs are in the wasm and
/// i18n/*.json, which come later). This test is that table's generator, so it cannot drift from
/// the catalogs: `UPDATE_CATALOGS=1 cargo test --test i18n` rewrites it.
#[test]
fn the_skeleton_texts_match_the_catalogs() {
    let mut table = String::from("const TEXTS = {\n");
    for lang in Locale::ALL {
        // The label, the hint, and what the skeleton says if the widget never arrives.
        let [label, hint, failed] = [Key::PhoneLabel, Key::PhoneHint, Key::Server]
            .map(|key| serde_json::to_string(lang.text(key)).expect("strings serialize"));
        table += &format!("  {}: [{label}, {hint}, {failed}],\n", lang.tag());
    }
    table += "};\n";
    let path = format!("{}/www/phone-otp.js", env!("CARGO_MANIFEST_DIR"));
    let script = std::fs::read_to_string(&path).expect("www/phone-otp.js");
    let (begin, end) = ("// texts:begin\n", "// texts:end\n");
    let start = script.find(begin).expect("a texts:begin line") + begin.len();
    let stop = script.find(end).expect("a texts:end line");
    let updated = format!("{}{table}{}", &script[..start], &script[stop..]);
    if std::env::var_os("UPDATE_CATALOGS").is_some() && script != updated {
        std::fs::write(&path, &updated).expect("write www/phone-otp.js");
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == updated,
        "{path}: the skeleton's texts are out of date: UPDATE_CATALOGS=1 cargo test --test i18n"
    );
}
