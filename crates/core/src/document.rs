//! The input document, as read from JSON Lines or a text file.

use serde::{Deserialize, Serialize};

/// One news article to code.
///
/// `published` is kept as the text given (a date or a datetime in ISO 8601), already checked
/// at the input edge; stages parse what they need from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Document {
    /// Identifier, unique within the input.
    pub id: String,
    /// Article body, paragraphs separated by blank lines.
    pub text: String,
    /// Headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication date or datetime (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Where it came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The outlet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Document {
    /// The publication day as `YYYY-MM-DD`, when `published` starts with one.
    pub fn published_day(&self) -> Option<&str> {
        let p = self.published.as_deref()?;
        let day = p.get(..10)?;
        let b = day.as_bytes();
        let shape_ok = b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
        shape_ok.then_some(day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_day_takes_the_date_part() {
        let mut d =
            Document { published: Some("2025-07-20T09:30:00Z".into()), ..Default::default() };
        assert_eq!(d.published_day(), Some("2025-07-20"));
        d.published = Some("20 July".into());
        assert_eq!(d.published_day(), None);
        d.published = Some("2025-07-2é".into());
        assert_eq!(d.published_day(), None);
    }
}
