//! What every request shares: the connection pool, the configuration document and the password
//! policy, built once at start-up and handed to the handlers through `web::Data`.
//!
//! Database work never runs on the async worker threads: [`AppState::run`] and
//! [`AppState::transaction`] take a pooled connection on a blocking thread (`web::block`) and give
//! it back when the work is done.

use std::sync::Arc;

use actix_web::web;
use diesel::{Connection, PgConnection};
use ella_config::Config;
use ella_core::password::{PasswordPolicy, PolicyError};
use ella_db::allele_view::AnnotationSettings;
use ella_db::Pool;

use crate::config_document::{self, ConfigDocument};
use crate::files::FileSettings;
use crate::ApiError;

/// Why the server cannot start.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    /// `user.auth.password_match_groups` has a pattern that is not a regular expression.
    #[error(transparent)]
    PasswordPolicy(#[from] PolicyError),
    /// The configuration document or a built-in constant does not have the expected shape.
    #[error("configuration document: {0}")]
    ConfigDocument(String),
}

/// The password rules of `user.auth` (api.md §2.5).
#[derive(Debug, Clone)]
pub struct AccountSettings {
    /// Strength rules for new passwords.
    pub policy: PasswordPolicy,
    /// Lifetime of a password its user sets.
    pub password_expiry_days: u32,
}

/// The shared state of the server.
#[derive(Clone)]
pub struct AppState {
    pool: Pool,
    config: Arc<ConfigDocument>,
    accounts: Arc<AccountSettings>,
    annotation: Arc<AnnotationSettings>,
    files: Arc<FileSettings>,
}

impl AppState {
    /// Builds the state from the loaded configuration and a connection pool.
    pub fn new(config: &Config, pool: Pool) -> Result<Self, StartupError> {
        let auth = &config.settings.user.auth;
        let policy = PasswordPolicy::new(
            auth.password_minimum_length as usize,
            &auth.password_match_groups,
            auth.password_num_match_groups as usize,
        )?;
        Ok(Self {
            pool,
            config: Arc::new(ConfigDocument::new(&config.document)?),
            accounts: Arc::new(AccountSettings {
                policy,
                password_expiry_days: auth.password_expiry_days,
            }),
            annotation: Arc::new(AnnotationSettings {
                inclusion_regex: Some(config.settings.transcripts.inclusion_regex.clone())
                    .filter(|regex| !regex.is_empty()),
                consequences: config_document::consequences()?,
            }),
            files: Arc::new(FileSettings::new(config)),
        })
    }

    /// The `GET /config/` document.
    pub(crate) fn config(&self) -> &ConfigDocument {
        &self.config
    }

    /// The folders files are served from.
    pub(crate) fn files(&self) -> Arc<FileSettings> {
        Arc::clone(&self.files)
    }

    /// The password rules, to move into blocking work.
    pub(crate) fn accounts(&self) -> Arc<AccountSettings> {
        Arc::clone(&self.accounts)
    }

    /// How annotation is shown (inclusion regex, consequence severity), to move into blocking
    /// work.
    pub(crate) fn annotation_settings(&self) -> Arc<AnnotationSettings> {
        Arc::clone(&self.annotation)
    }

    /// Runs `work` on a blocking thread with a pooled connection; every statement commits on its
    /// own (for work that must survive a later failure, such as the session's last activity).
    pub(crate) async fn run<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut PgConnection) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        web::block(move || {
            let mut conn = pool.get().map_err(ella_db::Error::from)?;
            work(&mut conn)
        })
        .await?
    }

    /// Runs `work` in one transaction on a blocking thread: committed when `work` returns `Ok`,
    /// rolled back otherwise (one transaction per use case).
    pub(crate) async fn transaction<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut PgConnection) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        self.run(move |conn| conn.transaction(work)).await
    }
}
