//! Python semantics the reference scorers rely on, reproduced for `serde_json::Value`s.
//!
//! The scorers are defined by what CPython does with `json.loads` output: truthiness,
//! `==` across int/float/bool, hashing for sets and dict keys, `str()`, `repr(float)`,
//! `round(x, n)`, `statistics.mean`/`median`, universal-newline line splitting and
//! `str.strip()`. Each helper here mirrors one of those so the ports stay byte-identical.

use serde_json::Value;

/// Python truthiness of a JSON value.
pub(crate) fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// The numeric value Python would use: ints, floats, and bools (which are ints in Python).
pub(crate) fn num(v: &Value) -> Option<f64> {
    match v {
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        Value::Number(n) => n.as_f64(),
        _ => None,
    }
}

/// Python `==`: numbers compare by value across int/float/bool, containers element-wise.
pub(crate) fn eq(a: &Value, b: &Value) -> bool {
    if let (Some(x), Some(y)) = (num(a), num(b)) {
        return x == y;
    }
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::String(x), Value::String(y)) => x == y,
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| eq(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| eq(v, w)))
        }
        _ => false,
    }
}

/// Python `==` where a missing key reads as `None` (what `dict.get` returns).
pub(crate) fn eq_opt(a: Option<&Value>, b: Option<&Value>) -> bool {
    eq(a.unwrap_or(&Value::Null), b.unwrap_or(&Value::Null))
}

/// A hashable JSON value with Python's equality: `1`, `1.0` and `true` are one key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Key {
    /// `None`.
    None,
    /// Any number or bool, as the bits of its `f64` value (`-0.0` folded into `0.0`).
    Num(u64),
    /// A string.
    Str(String),
}

impl Key {
    /// The key Python would hash, or the `TypeError` it would raise for lists and dicts.
    pub(crate) fn of(v: &Value) -> Result<Key, String> {
        if let Some(x) = num(v) {
            let x = if x == 0.0 { 0.0 } else { x };
            return Ok(Key::Num(x.to_bits()));
        }
        match v {
            Value::Null => Ok(Key::None),
            Value::String(s) => Ok(Key::Str(s.clone())),
            Value::Array(_) => Err("TypeError: unhashable type: 'list'".into()),
            _ => Err("TypeError: unhashable type: 'dict'".into()),
        }
    }

    /// `Key::of` for `dict.get`, where a missing key is `None`.
    pub(crate) fn of_opt(v: Option<&Value>) -> Result<Key, String> {
        v.map_or(Ok(Key::None), Key::of)
    }
}

/// Python `a < b` for the JSON values the scorers compare (numbers, or two strings).
pub(crate) fn lt(a: &Value, b: &Value) -> Result<bool, String> {
    if let (Some(x), Some(y)) = (num(a), num(b)) {
        return Ok(x < y);
    }
    match (a, b) {
        (Value::String(x), Value::String(y)) => Ok(x < y),
        _ => Err(format!(
            "TypeError: '<' not supported between instances of '{}' and '{}'",
            type_name(a),
            type_name(b)
        )),
    }
}

/// Python `a - b` for the offsets the scorers subtract.
pub(crate) fn sub(a: &Value, b: &Value) -> Result<f64, String> {
    match (num(a), num(b)) {
        (Some(x), Some(y)) => Ok(x - y),
        _ => Err(format!(
            "TypeError: unsupported operand type(s) for -: '{}' and '{}'",
            type_name(a),
            type_name(b)
        )),
    }
}

/// The Python type name of a parsed JSON value, for error messages.
pub(crate) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "NoneType",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float",
        Value::Number(_) => "int",
        Value::String(_) => "str",
        Value::Array(_) => "list",
        Value::Object(_) => "dict",
    }
}

/// Python `float(v)`: numbers, bools, and numeric strings.
pub(crate) fn to_float(v: &Value) -> Result<f64, String> {
    if let Some(x) = num(v) {
        return Ok(x);
    }
    match v {
        Value::String(s) => {
            let t = s.trim_matches(isspace).replace('_', "");
            t.parse::<f64>().map_err(|_| {
                format!("ValueError: could not convert string to float: {}", repr_str(s))
            })
        }
        _ => Err(format!(
            "TypeError: float() argument must be a string or a real number, not '{}'",
            type_name(v)
        )),
    }
}

/// Python `str.isspace` for one character (Rust's `is_whitespace` lacks U+001C..U+001F).
pub(crate) fn isspace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python `str(v)` of a value `json.loads` produced.
pub(crate) fn str_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        _ => repr(v),
    }
}

/// `str(dict.get(key))`: a missing key prints as `None`.
pub(crate) fn str_of_opt(v: Option<&Value>) -> String {
    v.map_or_else(|| "None".to_string(), str_of)
}

/// Python `repr(v)` of a value `json.loads` produced.
pub(crate) fn repr(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.to_string(),
            (_, Some(u), _) => u.to_string(),
            (_, _, Some(x)) => float_repr(x),
            _ => n.to_string(),
        },
        Value::String(s) => repr_str(s),
        Value::Array(a) => {
            let items: Vec<String> = a.iter().map(repr).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(o) => {
            let items: Vec<String> =
                o.iter().map(|(k, v)| format!("{}: {}", repr_str(k), repr(v))).collect();
            format!("{{{}}}", items.join(", "))
        }
    }
}

/// Python `repr(str)`: single quotes unless the text has a single quote and no double one.
pub(crate) fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || (0x7f..0xa0).contains(&(c as u32)) => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python `repr(float)`: shortest round-trip digits, exponent form below 1e-4 and from 1e16.
pub(crate) fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    // Rust's `{:e}` gives the same shortest round-trip digits as Python's repr.
    let sci = format!("{:e}", x.abs());
    let (mant, exp) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if x < 0.0 { "-" } else { "" };
    if (-4..16).contains(&exp) {
        let body = if exp >= 0 {
            let int_len = exp as usize + 1;
            if digits.len() <= int_len {
                format!("{}{}.0", digits, "0".repeat(int_len - digits.len()))
            } else {
                format!("{}.{}", &digits[..int_len], &digits[int_len..])
            }
        } else {
            format!("0.{}{}", "0".repeat((-exp - 1) as usize), digits)
        };
        format!("{sign}{body}")
    } else {
        let m =
            if digits.len() > 1 { format!("{}.{}", &digits[..1], &digits[1..]) } else { digits };
        let es = if exp < 0 { '-' } else { '+' };
        format!("{sign}{m}e{es}{:02}", exp.abs())
    }
}

/// Python `round(x, nd)`: the correctly rounded decimal (ties to even on the exact binary
/// value), read back as a float. Rust's fixed-precision formatting rounds the same way.
pub(crate) fn round(x: f64, nd: usize) -> f64 {
    if !x.is_finite() {
        return x;
    }
    format!("{x:.nd$}").parse().unwrap_or(x)
}

/// `str(round(x, nd))` for an optional float, `None` when absent.
pub(crate) fn opt_repr(x: Option<f64>) -> String {
    x.map_or_else(|| "None".to_string(), float_repr)
}

/// `statistics.median` of floats: the middle one, or the float mean of the middle two.
pub(crate) fn median(xs: &[f64]) -> Option<f64> {
    let mut v = xs.to_vec();
    v.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let n = v.len();
    if n == 0 {
        return None;
    }
    let i = n / 2;
    Some(if n % 2 == 1 { v[i] } else { (v[i - 1] + v[i]) / 2.0 })
}

/// `statistics.mean` of floats, which sums exactly (as fractions) and rounds once.
///
/// A plain `sum / n` can be an ulp off, which `round(mean, 1)` can expose; so the sum is kept
/// in a fixed-point big integer spanning the whole `f64` range and divided exactly.
pub(crate) fn mean(xs: &[f64]) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    if xs.iter().any(|x| !x.is_finite() || *x < 0.0) {
        // Distances are never negative or infinite; keep a sane answer if that ever changes.
        return Some(xs.iter().sum::<f64>() / xs.len() as f64);
    }
    // Units of 2^-1074: every finite non-negative f64 is an integer there.
    const LIMBS: usize = 36;
    let mut acc = [0u64; LIMBS];
    for &x in xs {
        let bits = x.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i64;
        let frac = bits & ((1u64 << 52) - 1);
        let (m, shift) = if exp == 0 { (frac, 0i64) } else { (frac | (1u64 << 52), exp - 1) };
        add_shifted(&mut acc, m, shift as usize);
    }
    let n = xs.len() as u64;
    let mut rem: u128 = 0;
    let mut q = [0u64; LIMBS];
    for i in (0..LIMBS).rev() {
        let cur = (rem << 64) | acc[i] as u128;
        q[i] = (cur / n as u128) as u64;
        rem = cur % n as u128;
    }
    Some(to_f64(&q, rem, n as u128))
}

fn add_shifted(acc: &mut [u64], m: u64, shift: usize) {
    let (limb, bit) = (shift / 64, shift % 64);
    let wide = (m as u128) << bit;
    let mut carry = 0u128;
    for (k, part) in [wide as u64, (wide >> 64) as u64].into_iter().enumerate() {
        if let Some(slot) = acc.get_mut(limb + k) {
            let s = *slot as u128 + part as u128 + carry;
            *slot = s as u64;
            carry = s >> 64;
        }
    }
    let mut i = limb + 2;
    while carry != 0 && i < acc.len() {
        let s = acc[i] as u128 + carry;
        acc[i] = s as u64;
        carry = s >> 64;
        i += 1;
    }
}

fn bit(q: &[u64], i: usize) -> bool {
    (q[i / 64] >> (i % 64)) & 1 == 1
}

/// Rounds `(q + rem/n) * 2^-1074` to the nearest f64, ties to even.
fn to_f64(q: &[u64], rem: u128, n: u128) -> f64 {
    let top = (0..q.len() * 64).rev().find(|&i| bit(q, i));
    let (mut m, mut e, round_up) = match top {
        Some(p) if p >= 52 => {
            let mut m = 0u64;
            for i in (p - 52..=p).rev() {
                m = (m << 1) | bit(q, i) as u64;
            }
            let up = if p == 52 {
                // No bits below the mantissa: the remainder alone is the fraction.
                rem * 2 > n || (rem * 2 == n && m & 1 == 1)
            } else {
                let half = bit(q, p - 53);
                let sticky = rem != 0 || (0..p - 53).any(|i| bit(q, i));
                half && (sticky || m & 1 == 1)
            };
            (m, (p - 52) as i64, up)
        }
        _ => {
            // Subnormal: the integer part is the mantissa, the remainder decides rounding.
            let m = q[0];
            let twice = rem * 2;
            let up = twice > n || (twice == n && m & 1 == 1);
            (m, 0, up)
        }
    };
    if round_up {
        m += 1;
        if m == 1u64 << 53 {
            m >>= 1;
            e += 1;
        }
    }
    if m < 1u64 << 52 {
        return f64::from_bits(m); // subnormal (or a carry into the smallest normal)
    }
    let biased = e + 1;
    if biased >= 2047 {
        return f64::INFINITY;
    }
    f64::from_bits(((biased as u64) << 52) | (m & ((1u64 << 52) - 1)))
}

/// Lines as Python's text mode yields them: `\n`, `\r\n` and a lone `\r` all end a line.
pub(crate) fn lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(&text[start..i]);
                i += 1;
                start = i;
            }
            b'\r' => {
                out.push(&text[start..i]);
                i += if bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < bytes.len() {
        out.push(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn float_repr_matches_python() {
        let cases = [
            (0.857, "0.857"),
            (1.0, "1.0"),
            (0.0, "0.0"),
            (20038.0, "20038.0"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (123.456, "123.456"),
            (-2.5, "-2.5"),
            (1.2345e300, "1.2345e+300"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(x), want, "{x}");
        }
    }

    #[test]
    fn round_is_half_even_on_exact_ties() {
        assert_eq!(round(0.0625, 3), 0.062);
        assert_eq!(round(0.1875, 3), 0.188);
        assert_eq!(round(0.25, 1), 0.2);
        assert_eq!(round(2.0 / 3.0, 3), 0.667);
        assert_eq!(float_repr(round(6.0 / 7.0, 3)), "0.857");
    }

    #[test]
    fn mean_is_exact() {
        assert_eq!(mean(&[1.0, 2.0]), Some(1.5));
        assert_eq!(mean(&[0.1, 0.2, 0.3]), Some(0.2));
        assert_eq!(mean(&[1e-300, 3e-300]), Some(2e-300));
        assert_eq!(mean(&[20038.0, 0.0, 5.5]).map(float_repr), Some("6681.166666666667".into()));
        assert_eq!(
            mean(&[0.1, 0.7, 0.3, 1e-10]).map(float_repr),
            Some("0.27500000002499997".into())
        );
        assert_eq!(mean(&[]), None);
        // Here a naive sum / n is one ulp below what Python prints (15905.724803276968).
        let xs = [18530.13247571732, 8323.598777886922, 18325.396710105884, 18443.77124939775];
        assert_eq!(mean(&xs).map(float_repr), Some("15905.72480327697".into()));
        assert_eq!(mean(&[f64::from_bits(1), f64::from_bits(2)]), Some(f64::from_bits(2)));
    }

    #[test]
    fn median_even_and_odd() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
    }

    #[test]
    fn equality_and_keys_follow_python() {
        assert!(eq(&json!(1), &json!(1.0)));
        assert!(eq(&json!(true), &json!(1)));
        assert!(!eq(&json!("1"), &json!(1)));
        assert_eq!(Key::of(&json!(1)), Key::of(&json!(1.0)));
        assert!(Key::of(&json!([1])).is_err());
        assert_eq!(str_of(&json!(null)), "None");
        assert_eq!(str_of(&json!(2.0)), "2.0");
        assert_eq!(repr(&json!({"a": [1, "b'"]})), "{'a': [1, \"b'\"]}");
    }

    #[test]
    fn universal_newlines() {
        assert_eq!(lines("a\r\nb\rc\n\nd"), vec!["a", "b", "c", "", "d"]);
        assert_eq!(lines("a\n"), vec!["a"]);
    }
}
