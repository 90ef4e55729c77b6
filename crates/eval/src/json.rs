//! A tiny JSON writer that prints exactly like Python's `json.dumps(obj, indent=2)`.
//!
//! The reports are small and their key order is part of the contract, so they are built as
//! ordered trees here instead of relying on a serializer's map ordering or float style.

use crate::py::float_repr;

/// A JSON value as the Python scorers build it: ints and floats stay distinct.
#[derive(Debug, Clone)]
pub(crate) enum J {
    /// `None`.
    Null,
    /// A Python int.
    Int(u64),
    /// A Python float, printed with `repr`.
    Float(f64),
    /// A dict in insertion order.
    Obj(Vec<(&'static str, J)>),
}

impl J {
    /// `Float` or `Null`.
    pub(crate) fn opt(x: Option<f64>) -> J {
        x.map_or(J::Null, J::Float)
    }

    /// `json.dumps(self, indent=2)`.
    pub(crate) fn dumps(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out
    }

    fn write(&self, out: &mut String, depth: usize) {
        match self {
            J::Null => out.push_str("null"),
            J::Int(i) => out.push_str(&i.to_string()),
            J::Float(x) if x.is_nan() => out.push_str("NaN"),
            J::Float(x) if x.is_infinite() => {
                out.push_str(if *x > 0.0 { "Infinity" } else { "-Infinity" })
            }
            J::Float(x) => out.push_str(&float_repr(*x)),
            J::Obj(items) if items.is_empty() => out.push_str("{}"),
            J::Obj(items) => {
                out.push('{');
                for (i, (k, v)) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push('\n');
                    out.push_str(&"  ".repeat(depth + 1));
                    // Keys are fixed ASCII identifiers, so no escaping is needed.
                    out.push('"');
                    out.push_str(k);
                    out.push_str("\": ");
                    v.write(out, depth + 1);
                }
                out.push('\n');
                out.push_str(&"  ".repeat(depth));
                out.push('}');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_layout() {
        let j = J::Obj(vec![
            ("a", J::Obj(vec![("tp", J::Int(1)), ("f1", J::Float(1.0))])),
            ("b", J::Null),
            ("c", J::Float(0.857)),
        ]);
        assert_eq!(
            j.dumps(),
            "{\n  \"a\": {\n    \"tp\": 1,\n    \"f1\": 1.0\n  },\n  \"b\": null,\n  \"c\": 0.857\n}"
        );
    }
}
