//! Passwords: ELLA's strength policy, bcrypt hashing and the one-time passwords the CLI hands out.
//!
//! ELLA stores standard `$2b$` bcrypt hashes in `user.password` and `useroldpassword.password`,
//! so hashes written by the original system verify here and the other way round.

use base64::Engine as _;
use rand::RngCore;
use regex::Regex;

/// bcrypt cost used for new hashes: the library default of ELLA's Python `bcrypt` (12 rounds).
const BCRYPT_COST: u32 = 12;

/// Length of a generated one-time password.
const ONE_TIME_PASSWORD_LENGTH: usize = 8;

/// Characters a generated password must not contain because they are easy to misread.
const AMBIGUOUS_CHARACTERS: &[char] = &['0', 'o', 'O', 'I', 'l', 'i', '1', '/', '+'];

/// Why a password policy could not be built from the configuration.
#[derive(Debug, thiserror::Error)]
#[error("invalid password match group {pattern:?}: {source}")]
pub struct PolicyError {
    pattern: String,
    #[source]
    source: regex::Error,
}

/// The password strength rules of `user.auth` in the application config.
#[derive(Debug, Clone)]
pub struct PasswordPolicy {
    minimum_length: usize,
    match_groups: Vec<Regex>,
    num_match_groups: usize,
}

impl PasswordPolicy {
    /// Builds the policy. Each pattern is matched from the start of the password, like Python's
    /// `re.match` in ELLA (anchored at the beginning only).
    pub fn new<S: AsRef<str>>(
        minimum_length: usize,
        match_groups: &[S],
        num_match_groups: usize,
    ) -> Result<Self, PolicyError> {
        let match_groups = match_groups
            .iter()
            .map(|pattern| {
                let pattern = pattern.as_ref();
                Regex::new(&format!("^(?:{pattern})")).map_err(|source| PolicyError {
                    pattern: pattern.to_owned(),
                    source,
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(Self {
            minimum_length,
            match_groups,
            num_match_groups,
        })
    }

    /// Whether `password` is long enough and matches enough of the character-class groups.
    pub fn accepts(&self, password: &str) -> bool {
        let matched = self
            .match_groups
            .iter()
            .filter(|group| group.is_match(password))
            .count();
        password.chars().count() >= self.minimum_length && matched >= self.num_match_groups
    }
}

/// Hashes a password with bcrypt (`$2b$`, cost 12).
pub fn hash_password(password: &str) -> Result<String, bcrypt::BcryptError> {
    bcrypt::hash(password, BCRYPT_COST)
}

/// Whether `password` matches the bcrypt `hash`. A malformed hash never matches.
pub fn verify_password(password: &str, hash: &str) -> bool {
    bcrypt::verify(password, hash).unwrap_or(false)
}

/// Makes a one-time password as ELLA's CLI does: eight characters of the base64 text of ten
/// random bytes, drawn again until it has no ambiguous characters and satisfies `policy`.
pub fn generate_one_time_password(policy: &PasswordPolicy, rng: &mut impl RngCore) -> String {
    loop {
        let mut bytes = [0_u8; 10];
        rng.fill_bytes(&mut bytes);
        let candidate: String = base64::engine::general_purpose::STANDARD
            .encode(bytes)
            .chars()
            .take(ONE_TIME_PASSWORD_LENGTH)
            .collect();
        if !candidate.contains(AMBIGUOUS_CHARACTERS) && policy.accepts(&candidate) {
            return candidate;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example_policy() -> PasswordPolicy {
        PasswordPolicy::new(
            8,
            &[".*[A-Z].*", ".*[a-z].*", ".*[0-9].*", ".*[^A-Za-z0-9].*"],
            3,
        )
        .unwrap()
    }

    #[test]
    fn policy_needs_length_and_enough_groups() {
        let policy = example_policy();
        assert!(policy.accepts("Abcdefg1"));
        assert!(policy.accepts("abcdefg!1"));
        assert!(!policy.accepts("Abcdef1"), "too short");
        assert!(!policy.accepts("abcdefgh1"), "only two groups");
        assert!(!policy.accepts("demo"));
    }

    #[test]
    fn match_groups_are_anchored_at_the_start_only() {
        let policy = PasswordPolicy::new(0, &["[A-Z]"], 1).unwrap();
        assert!(policy.accepts("Abc"));
        assert!(!policy.accepts("aBc"), "re.match does not search");
    }

    #[test]
    fn invalid_pattern_is_reported() {
        let error = PasswordPolicy::new(0, &["("], 1).unwrap_err();
        assert!(error.to_string().contains("\"(\""));
    }

    #[test]
    fn hashes_from_ellas_fixtures_verify() {
        let fixture_hash = "$2b$12$jnaP0oueuKUJNiJpAEW.0.d8s57ISKebdVvFQ/ZtHj3/UUkn2VCRa";
        assert!(verify_password("demo", fixture_hash));
        assert!(!verify_password("Demo", fixture_hash));
        assert!(!verify_password("demo", "not a hash"));
    }

    #[test]
    fn new_hashes_are_2b_and_verify() {
        let hash = hash_password("S3cret!pw").unwrap();
        assert!(hash.starts_with("$2b$12$"));
        assert!(verify_password("S3cret!pw", &hash));
    }

    #[test]
    fn one_time_passwords_follow_the_rules() {
        let policy = example_policy();
        let mut rng = rand::rng();
        for _ in 0..50 {
            let password = generate_one_time_password(&policy, &mut rng);
            assert_eq!(password.chars().count(), 8);
            assert!(!password.contains(AMBIGUOUS_CHARACTERS));
            assert!(policy.accepts(&password));
        }
    }
}
