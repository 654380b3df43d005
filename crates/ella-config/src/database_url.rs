//! The `DB_URL` connection string, kept out of logs.

use std::fmt;

/// Name of the environment variable with the PostgreSQL URL.
pub const DB_URL_VAR: &str = "DB_URL";

/// A PostgreSQL connection URL (libpq syntax, e.g. `postgresql://user@host/db`).
///
/// Its `Display` and `Debug` forms hide any password, so it can be shown in prompts and logs.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl(String);

impl DatabaseUrl {
    /// Wraps a URL.
    pub fn new(url: impl Into<String>) -> Self {
        Self(url.into())
    }

    /// Reads `DB_URL`.
    pub fn from_env() -> Result<Self, crate::Error> {
        std::env::var(DB_URL_VAR)
            .ok()
            .filter(|url| !url.is_empty())
            .map(Self)
            .ok_or(crate::Error::MissingDatabaseUrl)
    }

    /// The full URL, password included, for opening connections.
    pub fn expose(&self) -> &str {
        &self.0
    }

    fn redacted(&self) -> String {
        let url = &self.0;
        let Some(scheme_end) = url.find("://").map(|index| index + 3) else {
            return url.clone();
        };
        let authority_end = url[scheme_end..]
            .find(['/', '?'])
            .map_or(url.len(), |index| scheme_end + index);
        let authority = &url[scheme_end..authority_end];
        match (authority.rfind('@'), authority.find(':')) {
            (Some(at), Some(colon)) if colon < at => format!(
                "{}{}:***{}",
                &url[..scheme_end],
                &authority[..colon],
                &url[scheme_end + at..]
            ),
            _ => url.clone(),
        }
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DatabaseUrl({})", self.redacted())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_is_hidden() {
        let url = DatabaseUrl::new("postgresql://ella:secret@db:5432/ella?sslmode=require");
        assert_eq!(
            url.to_string(),
            "postgresql://ella:***@db:5432/ella?sslmode=require"
        );
        assert!(!format!("{url:?}").contains("secret"));
        assert_eq!(
            url.expose(),
            "postgresql://ella:secret@db:5432/ella?sslmode=require"
        );
    }

    #[test]
    fn urls_without_password_are_unchanged() {
        for url in [
            "postgresql:///postgres",
            "postgresql://root@127.0.0.1/ella",
            "host=/socket",
        ] {
            assert_eq!(DatabaseUrl::new(url).to_string(), url);
        }
    }
}
