//! The widget's E.164 check, compiled from the widget's own source file, so a number the widget
//! sends is a number the devserver takes, and the other way round.

#[path = "../../src/phone/e164.rs"]
mod e164;

pub use e164::is_e164;

#[cfg(test)]
mod tests {
    use super::is_e164;

    #[test]
    fn e164_as_the_widget_reads_it() {
        assert!(is_e164("+60182258491"));
        assert!(is_e164("+1234567"));
        for bad in [
            "0182258491",
            "+0182258491",
            "+123456",
            "+1234567890123456",
            "+60 18",
            "",
        ] {
            assert!(!is_e164(bad), "{bad}");
        }
    }
}
