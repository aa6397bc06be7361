//! The two error types: one per problem in imported data, one for everything else.

/// One problem in imported data, naming the record and the field so that it can be
/// fixed without guessing, e.g.
/// `organization 'X' (id): services[2].attributes[0]: unknown support_type code 'foo'`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{record}: {field}: {message}")]
pub struct ImportError {
    /// The top-level record, as `organization 'NAME' (ID)`, or `input` for the file as
    /// a whole.
    pub record: String,
    /// Where in that record, as a path into the input (`services[2].languages[0].code`),
    /// or `line L, column C` for a syntax error.
    pub field: String,
    pub message: String,
}

impl ImportError {
    pub(crate) fn new(
        record: impl Into<String>,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        ImportError {
            record: record.into(),
            field: field.into(),
            message: message.into(),
        }
    }

    /// Input that is not JSON at all: one error, located by line and column.
    pub(crate) fn syntax(error: &serde_json::Error) -> Self {
        let (line, column) = (error.line(), error.column());
        let full = error.to_string();
        // serde_json appends the position to its message; it goes into `field` instead.
        let message = full
            .strip_suffix(&format!(" at line {line} column {column}"))
            .unwrap_or(&full)
            .to_owned();
        ImportError::new(
            "input",
            format!("line {line}, column {column}"),
            format!("not valid JSON: {message}"),
        )
    }
}

impl From<torchlight_core::RecordError> for ImportError {
    fn from(e: torchlight_core::RecordError) -> Self {
        ImportError::new(e.record, e.field, e.message)
    }
}

/// Failures that are not about the content of imported data.
#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    #[error("unknown export format '{0}' (expected hsds, json or csv)")]
    UnknownFormat(String),
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("cannot write: {0}")]
    Io(#[from] std::io::Error),
}

/// The label `Directory::validate` gives a record. Import maps validation errors back
/// to the place in the input they came from by this label; if core ever labels records
/// differently, the errors still come through, just under core's own names.
pub(crate) fn core_label(kind: &str, name: &str, id: impl std::fmt::Display) -> String {
    format!("{kind} '{name}' ({id})")
}

/// `organization 'NAME' (ID)` as far as an input record says, else its position.
pub(crate) fn record_label(
    kind: &str,
    position: usize,
    object: &serde_json::Map<String, serde_json::Value>,
) -> String {
    let name = object.get("name").and_then(serde_json::Value::as_str);
    let id = object.get("id").and_then(serde_json::Value::as_str);
    match (name, id) {
        (Some(name), Some(id)) => core_label(kind, name, id),
        (Some(name), None) => format!("{kind} '{name}'"),
        (None, Some(id)) => format!("{kind} ({id})"),
        (None, None) => format!("{kind} #{}", position + 1),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_carry_line_and_column_once() {
        let e = serde_json::from_str::<serde_json::Value>("[\n  {\"a\": 1,}\n]").unwrap_err();
        let error = ImportError::syntax(&e);
        assert_eq!(error.record, "input");
        assert_eq!(error.field, "line 2, column 11");
        assert!(!error.message.contains("line 2"), "{}", error.message);
        assert!(error
            .to_string()
            .starts_with("input: line 2, column 11: not valid JSON: "));
    }

    #[test]
    fn display_names_record_field_and_message() {
        let e = ImportError::new(
            "organization 'X' (1)",
            "services[2].attributes",
            "unknown support_type code 'foo'",
        );
        assert_eq!(
            e.to_string(),
            "organization 'X' (1): services[2].attributes: unknown support_type code 'foo'"
        );
    }
}
