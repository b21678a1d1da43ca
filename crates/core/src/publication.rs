//! Offentlig version: what the public may read of the minutes. §§ about individual cases
//! (OSL 26 kap. 1 §) are replaced by a notice, and personnummer are masked in all text.

use crate::minutes::{AttClause, CellValue, Decision, Paragraph, Table, TableRow};
use crate::registry::Secrecy;
use crate::secrecy::mask_personal_numbers;

/// The notice that stands in for a secret § in every public version.
pub const SECRET_NOTICE: &str = "Paragrafen avser ett enskilt ärende och omfattas av sekretess enligt \
OSL 26 kap. 1 §. Den finns i det fullständiga protokollet, som kan begäras ut efter sekretessprövning.";

/// The heading a secret § gets in public versions (its own title may identify a person).
pub const SECRET_TITLE: &str = "Enskilt ärende";

fn mask(s: &str) -> String {
    mask_personal_numbers(s).into_owned()
}

fn mask_decision(d: &Decision) -> Decision {
    match d {
        Decision::Text { text } => Decision::Text { text: mask(text) },
        Decision::Clauses { intro, clauses } => Decision::Clauses {
            intro: intro.as_deref().map(mask),
            clauses: clauses.iter().map(|c| AttClause(mask(&c.0))).collect(),
        },
    }
}

fn mask_row(r: &TableRow) -> TableRow {
    TableRow {
        label: r.label.as_deref().map(mask),
        values: r
            .values
            .iter()
            .map(|v| match v {
                CellValue::Text(t) => CellValue::Text(mask(t)),
                other => other.clone(),
            })
            .collect(),
        children: r.children.iter().map(mask_row).collect(),
    }
}

/// The public version of one §: a notice in place of a secret §, masked text otherwise.
/// Votes, reservations and jäv keep their person ids; names are the renderer's business.
pub fn public_paragraph(p: &Paragraph) -> Paragraph {
    if p.secrecy != Secrecy::Public {
        let mut q = Paragraph::new(p.number, SECRET_TITLE).expect("number and title are valid");
        q.secrecy = p.secrecy;
        q.text = SECRET_NOTICE.to_string();
        q.immediately_adjusted = p.immediately_adjusted;
        return q;
    }
    let mut q = p.clone();
    q.title = mask(&p.title);
    q.text = mask(&p.text);
    q.proposal = p.proposal.as_ref().map(mask_decision);
    q.decision = p.decision.as_ref().map(mask_decision);
    for m in &mut q.motions {
        m.text = mask(&m.text);
    }
    for r in &mut q.reservations {
        r.reasons = r.reasons.as_deref().map(mask);
    }
    for n in &mut q.notes {
        n.text = mask(&n.text);
    }
    q.documents = p.documents.iter().map(|s| mask(s)).collect();
    q.dispatch = p.dispatch.iter().map(|s| mask(s)).collect();
    q.tables = p
        .tables
        .iter()
        .map(|t| Table {
            title: t.title.as_deref().map(mask),
            header: t.header.iter().map(|s| mask(s)).collect(),
            rows: t.rows.iter().map(mask_row).collect(),
        })
        .collect();
    q
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrecy::MASK;

    #[test]
    fn secret_paragraphs_become_a_notice() {
        let mut p = Paragraph::new(7, "Ansökan om vård enligt LVU för Kalle, 811218-9876").unwrap();
        p.secrecy = Secrecy::IndividualCase;
        p.text = "Utredningen visar …".into();
        p.dispatch.push("Vårdnadshavare".into());
        let q = public_paragraph(&p);
        assert_eq!(q.number, 7);
        assert_eq!(q.title, SECRET_TITLE);
        assert_eq!(q.text, SECRET_NOTICE);
        assert!(q.dispatch.is_empty() && q.decision.is_none());
        let json = serde_json::to_string(&q).unwrap();
        assert!(!json.contains("Kalle") && !json.contains("9876") && !json.contains("Utredningen"));
    }

    #[test]
    fn public_paragraphs_are_masked_everywhere() {
        let mut p = Paragraph::new(8, "Synpunkt").unwrap();
        p.text = "Klaganden 811218-9876 har inkommit".into();
        p.decision = Some(Decision::Clauses {
            intro: None,
            clauses: vec![AttClause("besvara 19811218-9876".into())],
        });
        p.documents.push("Skrivelse från 8112189876".into());
        p.tables.push(Table {
            title: None,
            header: vec!["Namn".into()],
            rows: vec![TableRow {
                label: Some("811218-9876".into()),
                values: vec![CellValue::Number(437_569.0)],
                children: vec![],
            }],
        });
        let q = public_paragraph(&p);
        let json = serde_json::to_string(&q).unwrap();
        assert!(!json.contains("9876"), "{json}");
        assert!(json.contains(MASK) && json.contains("437569"));
    }
}
