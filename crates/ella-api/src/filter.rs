//! The `q` filter of list endpoints (api.md §1.5): a JSON object of column conditions, all of
//! which must hold.
//!
//! Each endpoint names the columns a client may filter on ([`Column`]); anything else is
//! refused. Values are bound as text and cast to the column's type by PostgreSQL, which
//! reproduces ELLA's behaviour of comparing string literals with typed columns (the UI filters an
//! integer column with `"1234"`). Column names and SQL come from the endpoint's fixed list only,
//! never from the request.

use std::future::{ready, Ready};

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use diesel::dsl::sql;
use diesel::expression::BoxableExpression;
use diesel::pg::Pg;
use diesel::sql_types::{Array, Bool, Nullable, Text};
use serde_json::{Map, Value};

use crate::extract::query_value;
use crate::ApiError;

/// A column a `q` filter may name.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// Name in the filter (the ORM attribute name, which is the column name).
    pub name: &'static str,
    /// SQL expression of the column, table-qualified.
    pub sql: &'static str,
    /// PostgreSQL type that values are cast to.
    pub sql_type: &'static str,
}

impl Column {
    /// The column `name`, written `sql` in SQL, whose values are cast to `sql_type`.
    pub const fn new(name: &'static str, sql: &'static str, sql_type: &'static str) -> Self {
        Self {
            name,
            sql,
            sql_type,
        }
    }
}

/// One condition, ready for a diesel query on the table `QS`.
pub type Condition<QS> = Box<dyn BoxableExpression<QS, Pg, SqlType = Bool>>;

/// A parsed `q` parameter.
#[derive(Debug, Clone, Default)]
pub struct RestFilter(Map<String, Value>);

impl RestFilter {
    /// Reads `q`: absent, empty or `null` means no filter; anything but a JSON object fails.
    fn parse(request: &HttpRequest) -> Result<Self, ApiError> {
        let Some(text) = query_value(request, "q").filter(|text| !text.is_empty()) else {
            return Ok(Self::default());
        };
        match serde_json::from_str(&text) {
            Ok(Value::Object(conditions)) => Ok(Self(conditions)),
            Ok(Value::Null) => Ok(Self::default()),
            _ => Err(ApiError::InvalidRequest("`q` is not a JSON object".into())),
        }
    }

    /// Whether the filter has no condition.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sets the condition on `column`, replacing what the client asked for.
    pub fn force(&mut self, column: &str, value: Value) {
        self.0.insert(column.to_owned(), value);
    }

    /// Whether a condition is an empty list, which makes ELLA answer an empty result without
    /// querying.
    pub fn selects_nothing(&self) -> bool {
        self.0
            .values()
            .any(|value| value.as_array().is_some_and(Vec::is_empty))
    }

    /// The conditions as SQL on a table with `columns`.
    pub fn conditions<QS>(&self, columns: &[Column]) -> Result<Vec<Condition<QS>>, ApiError> {
        let mut conditions = Vec::new();
        for (name, value) in &self.0 {
            let column = columns
                .iter()
                .find(|column| column.name == name)
                .ok_or_else(|| ApiError::InvalidRequest(format!("`q` names column `{name}`")))?;
            match value {
                Value::Array(_) => conditions.push(condition(column, "$in", value)?),
                Value::Object(operators) => {
                    for (operator, argument) in operators {
                        conditions.push(condition(column, operator, argument)?);
                    }
                }
                _ => conditions.push(condition(column, "$eq", value)?),
            }
        }
        Ok(conditions)
    }
}

/// Equality conditions on the given columns, as `filter_by(**values)` of `SQLAlchemy`.
impl From<Map<String, Value>> for RestFilter {
    fn from(values: Map<String, Value>) -> Self {
        Self(values)
    }
}

impl FromRequest for RestFilter {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Self::parse(request))
    }
}

/// The text PostgreSQL casts to the column type: strings as they are, other JSON as its text.
fn as_text(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(text) => Some(text.clone()),
        other => Some(other.to_string()),
    }
}

/// One operator of api.md §1.5 applied to `column`.
fn condition<QS>(
    column: &Column,
    operator: &str,
    argument: &Value,
) -> Result<Condition<QS>, ApiError> {
    let Column {
        sql: name,
        sql_type,
        ..
    } = *column;
    let list = |negated: bool, items: &[Value]| -> Condition<QS> {
        let not = if negated { "NOT " } else { "" };
        Box::new(
            sql::<Bool>(&format!("{not}({name} = ANY(CAST("))
                .bind::<Array<Nullable<Text>>, _>(items.iter().map(as_text).collect::<Vec<_>>())
                .sql(&format!(" AS {sql_type}[])))")),
        )
    };
    let pattern = |like: &str| -> Condition<QS> {
        Box::new(
            sql::<Bool>(&format!("CAST({name} AS TEXT) {like} "))
                .bind::<Nullable<Text>, _>(as_text(argument)),
        )
    };
    Ok(match (operator, argument) {
        // SQLAlchemy turns `== None` and `!= None` into IS NULL tests.
        ("$eq", Value::Null) => Box::new(sql::<Bool>(&format!("{name} IS NULL"))),
        ("$neq", Value::Null) => Box::new(sql::<Bool>(&format!("{name} IS NOT NULL"))),
        ("$in", Value::Array(items)) => list(false, items),
        ("$nin", Value::Array(items)) => list(true, items),
        ("$like", _) => pattern("LIKE"),
        ("$ilike", _) => pattern("ILIKE"),
        _ => {
            let comparison = match operator {
                "$eq" => "=",
                "$neq" => "!=",
                "$gt" => ">",
                "$lt" => "<",
                "$gte" => ">=",
                "$lte" => "<=",
                _ => {
                    return Err(ApiError::InvalidRequest(format!(
                        "`q` has operator `{operator}` for column `{}`",
                        column.name
                    )))
                }
            };
            Box::new(
                sql::<Bool>(&format!("{name} {comparison} CAST("))
                    .bind::<Nullable<Text>, _>(as_text(argument))
                    .sql(&format!(" AS {sql_type})")),
            )
        }
    })
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;
    use std::fmt::Write as _;

    use diesel::{debug_query, QueryDsl};
    use ella_db::schema::user;

    use super::*;

    const COLUMNS: &[Column] = &[
        Column::new("id", r#""user".id"#, "integer"),
        Column::new("username", r#""user".username"#, "text"),
    ];

    fn filter(q: &str) -> Result<RestFilter, ApiError> {
        let encoded = q.bytes().fold(String::new(), |mut text, byte| {
            write!(text, "%{byte:02X}").expect("write to a String");
            text
        });
        let uri = format!("/x?q={encoded}");
        RestFilter::parse(&TestRequest::with_uri(&uri).to_http_request())
    }

    fn sql_of(q: &str) -> String {
        let conditions = filter(q)
            .unwrap()
            .conditions::<user::table>(COLUMNS)
            .unwrap();
        let query = conditions
            .into_iter()
            .fold(user::table.select(user::id).into_boxed(), QueryDsl::filter);
        debug_query::<Pg, _>(&query).to_string()
    }

    #[test]
    fn forms_become_bound_conditions() {
        let text = sql_of(r#"{"id": [1, 3], "username": {"$ilike": "%test%", "$neq": null}}"#);
        assert!(
            text.contains("(\"user\".id = ANY(CAST($1 AS integer[])))"),
            "{text}"
        );
        assert!(
            text.contains("CAST(\"user\".username AS TEXT) ILIKE $2"),
            "{text}"
        );
        assert!(text.contains("\"user\".username IS NOT NULL"), "{text}");
        assert!(text.contains(r#"[Some("1"), Some("3")]"#), "{text}");
        let scalar = sql_of(r#"{"id": "7"}"#);
        assert!(
            scalar.contains("\"user\".id = CAST($1 AS integer)"),
            "{scalar}"
        );
    }

    #[test]
    fn unknown_columns_and_operators_are_invalid() {
        assert!(filter(r#"{"password": "x"}"#)
            .unwrap()
            .conditions::<user::table>(COLUMNS)
            .is_err());
        assert!(filter(r#"{"id": {"$regex": "x"}}"#)
            .unwrap()
            .conditions::<user::table>(COLUMNS)
            .is_err());
        assert!(filter("[1]").is_err());
        assert!(filter("{").is_err());
    }

    #[test]
    fn empty_lists_select_nothing() {
        assert!(filter(r#"{"id": []}"#).unwrap().selects_nothing());
        assert!(!filter(r#"{"id": {"$in": []}}"#).unwrap().selects_nothing());
        assert!(!filter("null").unwrap().selects_nothing());
    }
}
