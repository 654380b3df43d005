//! Sessions: the `AuthenticationToken` cookie, its resolution before each request and the
//! extractors of the three authentication modes (api.md §2.1–§2.3).
//!
//! The request middleware resolves the cookie once per request and leaves the result in the
//! request's extensions; [`Authenticated`] (mode "required") and [`MaybeAuthenticated`] (mode
//! "optional") read it from there. Endpoints without authentication take neither.

use std::future::{ready, Ready};
use std::rc::Rc;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest};
use chrono::{DateTime, Utc};
use ella_db::account::ActiveSession;
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::ApiError;

/// Name of the session cookie.
pub const COOKIE_NAME: &str = "AuthenticationToken";

/// A new session token: the cookie value and the hash the database keeps (api.md §2.1).
pub struct NewToken {
    /// 64 lowercase hex characters from 32 random bytes; goes to the client only.
    pub value: String,
    /// SHA-256 of `value` as lowercase hex; stored in `usersession.token`.
    pub hash: String,
}

impl NewToken {
    /// Draws a new token.
    pub fn generate() -> Self {
        let value = random_hex(32);
        Self {
            hash: token_hash(&value),
            value,
        }
    }
}

/// SHA-256 of a cookie value (its ASCII bytes) as lowercase hex.
pub fn token_hash(value: &str) -> String {
    hex(&Sha256::digest(value.as_bytes()))
}

/// `count` random bytes from the operating system's source, as lowercase hex.
pub fn random_hex(count: usize) -> String {
    let mut bytes = vec![0_u8; count];
    rand::rng().fill_bytes(&mut bytes);
    hex(&bytes)
}

/// `bytes` as lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(2 * bytes.len());
    for byte in bytes {
        text.push(char::from(DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    text
}

/// The `Set-Cookie` value of a login, attribute for attribute as ELLA's Werkzeug 0.16 writes it
/// (api.md §2.1): no `Secure`, `SameSite` or `Max-Age`.
pub fn login_cookie(token: &str, expires: DateTime<Utc>) -> String {
    format!(
        "{COOKIE_NAME}={token}; Expires={}; HttpOnly; Path=/",
        expires.format("%a, %d-%b-%Y %H:%M:%S GMT")
    )
}

/// The resolved session of a request, put into the request's extensions by the middleware.
#[derive(Debug, Clone)]
pub struct RequestSession(pub Rc<ActiveSession>);

/// The session of `request`, if the middleware found a valid one.
pub fn request_session(request: &HttpRequest) -> Option<Rc<ActiveSession>> {
    request
        .extensions()
        .get::<RequestSession>()
        .map(|session| Rc::clone(&session.0))
}

/// The caller of an endpoint that requires a session; without one the request fails with 403
/// `Authentication required` before the handler runs.
pub struct Authenticated(pub Rc<ActiveSession>);

impl FromRequest for Authenticated {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            request_session(request)
                .map(Self)
                .ok_or(ApiError::AuthenticationRequired),
        )
    }
}

/// The caller of an endpoint with optional authentication, if logged in.
pub struct MaybeAuthenticated(pub Option<Rc<ActiveSession>>);

impl FromRequest for MaybeAuthenticated {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Self(request_session(request))))
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn tokens_are_64_hex_characters_stored_as_their_sha256() {
        let token = NewToken::generate();
        assert_eq!(token.value.len(), 64);
        assert!(token
            .value
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        assert_eq!(token.hash, token_hash(&token.value));
        assert_eq!(
            token_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn cookie_has_ellas_attributes() {
        let expires = Utc.with_ymd_and_hms(2027, 3, 30, 15, 3, 1).unwrap();
        assert_eq!(
            login_cookie("ab12", expires),
            "AuthenticationToken=ab12; Expires=Tue, 30-Mar-2027 15:03:01 GMT; HttpOnly; Path=/"
        );
    }
}
