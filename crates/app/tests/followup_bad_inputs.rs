//! The follow-up file readers never panic: arbitrary bytes as CSV, XLSX and Kolada JSON, and
//! arbitrary records as a finance export give an error or a result.

use paragraf_app::followup::{csv_records, read_finance_records, read_kolada, xlsx_records};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = csv_records(&bytes);
        let _ = xlsx_records(&bytes);
        let _ = read_kolada(&bytes);
    }

    #[test]
    fn zip_like_bytes_never_panic(tail in prop::collection::vec(any::<u8>(), 0..400)) {
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.extend(tail);
        let _ = xlsx_records(&bytes);
    }

    #[test]
    fn arbitrary_finance_records_never_panic(
        header in prop::collection::vec(prop_oneof![
            Just("nämnd".to_string()), Just("period".to_string()), Just("kostnadsställe".to_string()),
            Just("ingår_i".to_string()), Just("radtyp".to_string()), Just("enhet".to_string()),
            Just("budget".to_string()), Just("utfall".to_string()), Just("årsbudget".to_string()),
            Just("prognos".to_string()), "\\PC{0,8}",
        ], 0..12),
        rows in prop::collection::vec(prop::collection::vec(prop_oneof![
            Just(String::new()), Just("2023-08".to_string()), Just("2023-13".to_string()),
            Just("del".to_string()), Just("varav".to_string()), Just("A".to_string()), Just("B".to_string()),
            Just("tkr".to_string()), Just("mnkr".to_string()), "-?[0-9 ]{1,8}([,.][0-9]{1,2})?", "\\PC{0,10}",
        ], 0..12), 0..20),
    ) {
        let mut records = vec![header];
        records.extend(rows);
        let _ = read_finance_records(&records, Some("Nämnden"));
        let _ = read_finance_records(&records, None);
    }

    #[test]
    fn kolada_like_json_never_panics(
        kpi in "\\PC{0,6}", period in prop_oneof![Just("2022".to_string()), Just("\"2022\"".to_string()), Just("null".to_string()), Just("[1]".to_string())],
        gender in "\\PC{0,3}", value in prop_oneof![Just("null".to_string()), Just("1.5".to_string()), Just("\"x\"".to_string())],
    ) {
        let json = format!(
            r#"{{"values": [{{"kpi": {kpi:?}, "municipality": "2184", "period": {period}, "values": [{{"gender": {gender:?}, "value": {value}}}]}}]}}"#
        );
        let _ = read_kolada(json.as_bytes());
    }
}
