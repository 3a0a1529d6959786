//! A template's values as text, for the compile worker (a child process):
//! JSON with a tag per value, because Tera's own values carry what JSON
//! cannot — whether a string is already Typst markup (safe) or still to be
//! escaped. Sent as plain JSON, a section's markup would be escaped twice.

use std::collections::BTreeMap;

use serde_json::{Value as Json, json};
use tera::Value;
use tera::value::Key;

/// The values `values` as tagged JSON text.
pub fn encode(values: &BTreeMap<&'static str, Value>) -> String {
    let map: serde_json::Map<String, Json> = values
        .iter()
        .map(|(key, value)| (key.to_string(), tagged(value)))
        .collect();
    Json::Object(map).to_string()
}

/// The values [`encode`] wrote, as a template context; `None` if `text` is
/// not such JSON.
pub fn decode(text: &str) -> Option<tera::Context> {
    let Json::Object(map) = serde_json::from_str(text).ok()? else {
        return None;
    };
    let mut context = tera::Context::new();
    for (key, value) in map {
        context.insert_value(key, untagged(&value)?);
    }
    Some(context)
}

fn tagged(value: &Value) -> Json {
    use tera::value::ValueKind as K;
    match value.kind() {
        K::Undefined => json!(["undefined"]),
        K::None => json!(["none"]),
        K::Bool => json!(["bool", value.as_bool()]),
        K::U64 => json!(["u64", value.as_u64()]),
        K::I64 => json!(["i64", value.as_i64()]),
        K::U128 => json!(["u128", value.as_u128().map(|n| n.to_string())]),
        K::I128 => json!(["i128", value.as_i128().map(|n| n.to_string())]),
        K::F64 => json!(["f64", value.as_f64()]),
        K::String if value.is_safe() => json!(["safe", value.as_str()]),
        K::String => json!(["str", value.as_str()]),
        K::Array => Json::Array(
            std::iter::once(json!("array"))
                .chain(value.as_array().unwrap_or_default().iter().map(tagged))
                .collect(),
        ),
        K::Map => {
            let pairs: Vec<Json> = value
                .as_map()
                .into_iter()
                .flatten()
                .map(|(key, v)| json!([key_tagged(key), tagged(v)]))
                .collect();
            json!(["map", pairs])
        }
        K::Bytes => json!(["bytes", value.as_bytes()]),
        // A kind a later Tera adds: its display text, which is what a
        // template would print of it.
        _ => json!(["str", value.to_string()]),
    }
}

fn key_tagged(key: &Key<'_>) -> Json {
    match key {
        Key::Bool(b) => json!(["bool", b]),
        Key::U64(n) => json!(["u64", n]),
        Key::I64(n) => json!(["i64", n]),
        Key::U128(n) => json!(["u128", n.to_string()]),
        Key::I128(n) => json!(["i128", n.to_string()]),
        Key::String(s) => json!(["str", &**s]),
        Key::Str(s) => json!(["str", s]),
        // A kind of key a later Tera adds: its text, as a template shows it.
        _ => json!(["str", key.to_string()]),
    }
}

fn untagged(json: &Json) -> Option<Value> {
    let items = json.as_array()?;
    let tag = items.first()?.as_str()?;
    let arg = items.get(1);
    Some(match tag {
        "undefined" => Value::undefined(),
        "none" => Value::none(),
        "bool" => Value::from(arg?.as_bool()?),
        "u64" => Value::from(arg?.as_u64()?),
        "i64" => Value::from(arg?.as_i64()?),
        "u128" => Value::from(arg?.as_str()?.parse::<u128>().ok()?),
        "i128" => Value::from(arg?.as_str()?.parse::<i128>().ok()?),
        "f64" => Value::from(arg?.as_f64()?),
        "safe" => Value::safe_string(arg?.as_str()?),
        "str" => Value::normal_string(arg?.as_str()?),
        "array" => Value::from(
            items[1..]
                .iter()
                .map(untagged)
                .collect::<Option<Vec<Value>>>()?,
        ),
        "map" => {
            let mut map = tera::value::Map::default();
            for pair in arg?.as_array()? {
                let [key, value] = pair.as_array()?.as_slice() else {
                    return None;
                };
                map.insert(key_untagged(key)?, untagged(value)?);
            }
            Value::from(map)
        }
        "bytes" => {
            let bytes: Option<Vec<u8>> = arg?
                .as_array()?
                .iter()
                .map(|b| b.as_u64().and_then(|b| u8::try_from(b).ok()))
                .collect();
            Value::bytes(bytes?)
        }
        _ => return None,
    })
}

fn key_untagged(json: &Json) -> Option<Key<'static>> {
    let items = json.as_array()?;
    let arg = items.get(1)?;
    Some(match items.first()?.as_str()? {
        "bool" => Key::Bool(arg.as_bool()?),
        "u64" => Key::U64(arg.as_u64()?),
        "i64" => Key::I64(arg.as_i64()?),
        "u128" => Key::U128(arg.as_str()?.parse().ok()?),
        "i128" => Key::I128(arg.as_str()?.parse().ok()?),
        "str" => Key::from(arg.as_str()?.to_string()),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of value comes back as it went, safe strings safe.
    #[test]
    fn values_come_back_as_they_went() {
        let mut inner = BTreeMap::new();
        inner.insert("markup", Value::safe_string("#strong[a]"));
        inner.insert("plain", Value::normal_string("a & b"));
        let mut values: BTreeMap<&'static str, Value> = BTreeMap::new();
        values.insert("map", Value::from(inner));
        values.insert(
            "list",
            Value::from(vec![
                Value::from(1u64),
                Value::from(-2i64),
                Value::from(2.5f64),
                Value::from(true),
                Value::none(),
                Value::from(u128::MAX),
            ]),
        );
        let back = decode(&encode(&values)).expect("decodes");
        for (key, value) in &values {
            let got = back.get(key).expect("key present");
            assert_eq!(got, value, "{key}");
        }
        let map = back.get("map").and_then(Value::as_map).expect("a map");
        let safe = |k: &'static str| map.get(&Key::from(k)).map(Value::is_safe);
        assert_eq!(safe("markup"), Some(true));
        assert_eq!(safe("plain"), Some(false));
    }

    #[test]
    fn other_text_is_refused() {
        assert!(decode("[1, 2]").is_none());
        assert!(decode(r#"{"a": ["nonsense"]}"#).is_none());
    }
}
