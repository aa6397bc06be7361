//! Import and export of the directory: Open Referral HSDS 3.x (nested JSON and the
//! tabular CSV form) and Torchlight's own JSON.
//!
//! No I/O here beyond writing to a `Write` the caller hands in; the CLI opens files.
//! Imports are all-or-nothing: either every record is valid (including
//! `Directory::validate`) and the whole directory comes back, or every problem found
//! comes back, each naming the record and the field.
//!
//! Allies never leave through HSDS: their contacts are for staff only, and HSDS is a
//! publishing format. Only Torchlight's own JSON carries them, and only when asked.

mod error;
mod hsds;
mod native;
mod tabular;
mod terms;

use std::io::Write;
use std::str::FromStr;

use serde_json::Value;
use torchlight_core::{Code, Directory, Taxonomy};

pub use error::{ExchangeError, ImportError};
pub use hsds::export_hsds;
pub use tabular::export_csv;

/// The formats `torchlight export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// HSDS 3.x JSON: organizations with their services nested.
    Hsds,
    /// Torchlight's own JSON, the serde form of `Directory`.
    Json,
    /// HSDS tabular form: one CSV file per table.
    Csv,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 3] = [ExportFormat::Hsds, ExportFormat::Json, ExportFormat::Csv];

    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Hsds => "hsds",
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
        }
    }
}

impl FromStr for ExportFormat {
    type Err = ExchangeError;

    fn from_str(raw: &str) -> Result<Self, Self::Err> {
        ExportFormat::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(raw.trim()))
            .ok_or_else(|| ExchangeError::UnknownFormat(raw.to_owned()))
    }
}

/// Values an HSDS import fills in where a record says nothing, because data from other
/// HSDS publishers carries none of Torchlight's attributes. They never override what a
/// record does say, and they do not apply to Torchlight's own JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Support type of a service with none (e.g. `information`).
    pub default_support: Option<Code>,
    /// Country of an organisation, and coverage of a service, with none.
    pub default_country: Option<Code>,
    /// Language of an organisation or service with none.
    pub default_language: Option<Code>,
}

/// Torchlight's own JSON: the serde form of `Directory`. Allies are included only when
/// `with_allies`, because their contacts are staff-only.
pub fn export_json(directory: &Directory, with_allies: bool) -> Value {
    native::export(directory, with_allies)
}

/// Reads HSDS JSON (an array of organizations or services, a single organization or
/// service, `{"organizations": [...]}`, or an HSDS API page `{"contents": [...]}`) or
/// Torchlight's own JSON (recognised by its shape), checks everything, and returns the
/// directory or every error found.
pub fn import(
    bytes: &[u8],
    taxonomy: &Taxonomy,
    options: &ImportOptions,
) -> Result<Directory, Vec<ImportError>> {
    // Editors on Windows often save JSON with a byte-order mark, which JSON forbids.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let value: Value = serde_json::from_slice(bytes).map_err(|e| vec![ImportError::syntax(&e)])?;
    if native::is_torchlight(&value) {
        native::import(value, taxonomy)
    } else {
        hsds::import(&value, taxonomy, options)
    }
}

/// Writes a JSON export, pretty-printed, with a final newline.
pub fn write_json(value: &Value, mut out: impl Write) -> Result<(), ExchangeError> {
    serde_json::to_writer_pretty(&mut out, value)?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_formats_parse_from_their_names() {
        for format in ExportFormat::ALL {
            assert_eq!(format.as_str().parse::<ExportFormat>().ok(), Some(format));
        }
        assert_eq!(
            " HSDS ".parse::<ExportFormat>().ok(),
            Some(ExportFormat::Hsds)
        );
        assert!("xml".parse::<ExportFormat>().is_err());
    }

    #[test]
    fn json_is_written_pretty_with_a_final_newline() {
        let mut out = Vec::new();
        assert!(write_json(&serde_json::json!({"a": 1}), &mut out).is_ok());
        assert_eq!(String::from_utf8_lossy(&out), "{\n  \"a\": 1\n}\n");
    }
}
