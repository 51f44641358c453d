//! The participants of an event as CSV, for a spreadsheet: the same file from the API and
//! the editors' interface.

use crate::db::models::actor::DbActor;
use crate::db::models::event::DbParticipation;

/// A CSV cell: quoted, and a leading `=`, `+`, `-`, `@`, tab or CR made plain text so that
/// no spreadsheet runs it as a formula.
pub(crate) fn cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// One line per participant, in the order given (of arrival), under a header line.
pub fn participants(rows: &[(DbParticipation, DbActor)]) -> String {
    let mut out = String::from("address,name,state,since,message,actor\r\n");
    for (p, a) in rows {
        let row = [
            cell(&format!("{}@{}", a.handle, a.domain)),
            cell(&a.name),
            cell(p.state.code()),
            cell(&p.created_at.to_rfc3339()),
            cell(p.message.as_deref().unwrap_or("")),
            cell(a.ap_id.as_str()),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_are_quoted_and_never_formulas() {
        assert_eq!(cell("Stadt \"Dortmund\""), "\"Stadt \"\"Dortmund\"\"\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("@anna"), "\"'@anna\"");
    }
}
