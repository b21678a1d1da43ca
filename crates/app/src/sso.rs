//! Inloggning via kommunens identitetsleverantör: OpenID Connect, authorization code with
//! PKCE (the `openidconnect` crate), against the provider named in `[sso]`. The provider
//! says who someone is; the claim named in `[sso] claim` must equal the `username` of a
//! Paragraf account that may log in, and the account's roles decide what they may do.
//!
//! The flow is two steps: [`begin`] gives the provider's address to send the browser to and
//! a value the browser keeps meanwhile (in a short-lived cookie); [`finish`] takes what the
//! provider sent back with that value, checks state, nonce, PKCE and the ID token's
//! signature, and starts a session.

use chrono::{DateTime, Utc};
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointMaybeSet, EndpointNotSet,
    EndpointSet, IssuerUrl, Nonce, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope,
    TokenResponse,
};

use crate::accounts::{self, User};
use crate::datadir::SsoConfig;
use crate::{DataDir, Error, Result};

/// Where the provider sends the browser back, under the public address.
pub const CALLBACK_PATH: &str = "/logga-in/sso/klar";

/// How long the provider may take to answer (each request).
const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(15);

/// A login begun: send the browser to `url`; let it keep `pending` until it comes back.
#[derive(Debug, Clone)]
pub struct Started {
    /// The provider's authorization address, with state, nonce and the PKCE challenge.
    pub url: String,
    /// State, nonce and PKCE verifier, for [`finish`].
    pub pending: String,
}

/// A login finished: the account and a new session `(token, csrf)`.
#[derive(Debug)]
pub struct Finished {
    /// Whose session it is.
    pub user: User,
    /// The session token (goes into the session cookie).
    pub token: String,
}

type Client = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// The `[sso]` section, or a refusal when single sign-on is not configured.
pub fn config(dir: &DataDir) -> Result<SsoConfig> {
    dir.config()
        .sso
        .clone()
        .ok_or_else(|| Error::NotFound("inloggning via identitetsleverantör".into()))
}

/// Whether local passwords may be used to log in on the web.
pub fn local_passwords(dir: &DataDir) -> bool {
    dir.config().sso.as_ref().is_none_or(|s| s.local_passwords)
}

fn http() -> Result<openidconnect::reqwest::Client> {
    openidconnect::reqwest::ClientBuilder::new()
        // The crate's advice against SSRF: never follow a redirect.
        .redirect(openidconnect::reqwest::redirect::Policy::none())
        .timeout(TIMEOUT)
        .build()
        .map_err(|e| Error::Internal(format!("HTTP-klienten: {e}")))
}

fn unreachable(e: impl std::fmt::Display) -> Error {
    Error::Internal(format!(
        "identitetsleverantören svarade inte som väntat: {e}"
    ))
}

async fn client(dir: &DataDir, http: &openidconnect::reqwest::Client) -> Result<Client> {
    let sso = config(dir)?;
    let issuer = IssuerUrl::new(sso.issuer.trim().to_string())
        .map_err(|e| Error::Internal(format!("[sso] issuer: {e}")))?;
    let public = dir
        .config()
        .server
        .public_url
        .clone()
        .ok_or_else(|| Error::Internal("[sso] kräver [server] public_url".into()))?;
    let redirect = RedirectUrl::new(format!("{}{CALLBACK_PATH}", public.trim_end_matches('/')))
        .map_err(|e| Error::Internal(format!("[server] public_url: {e}")))?;
    let metadata = CoreProviderMetadata::discover_async(issuer, http)
        .await
        .map_err(unreachable)?;
    Ok(CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(sso.client_id.clone()),
        Some(ClientSecret::new(sso.client_secret.clone())),
    )
    .set_redirect_uri(redirect))
}

/// Begins a login: reads the provider's discovery document and makes the authorization
/// address with a fresh state, nonce and PKCE challenge (S256).
pub async fn begin(dir: &DataDir) -> Result<Started> {
    let http = http()?;
    let client = client(dir, &http).await?;
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, state, nonce) = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .add_scope(Scope::new("profile".into()))
        .add_scope(Scope::new("email".into()))
        .set_pkce_challenge(challenge)
        .url();
    Ok(Started {
        url: url.to_string(),
        pending: format!(
            "{}.{}.{}",
            state.secret(),
            nonce.secret(),
            verifier.secret()
        ),
    })
}

/// Finishes a login: `pending` is what [`begin`] gave, `state` and `code` what the provider
/// sent back. Checks the state, exchanges the code (with the PKCE verifier), verifies the
/// ID token (signature, issuer, audience, expiry, nonce), finds the account named by the
/// configured claim and starts a session. Every refusal is `Forbidden` with a Swedish
/// reason; a provider that cannot be reached is `Internal`.
pub async fn finish(
    dir: &DataDir,
    pending: &str,
    state: &str,
    code: &str,
    now: DateTime<Utc>,
) -> Result<Finished> {
    let sso = config(dir)?;
    let mut parts = pending.splitn(3, '.');
    let (Some(want_state), Some(nonce), Some(verifier)) =
        (parts.next(), parts.next(), parts.next())
    else {
        return Err(Error::Forbidden(
            "inloggningen hade inte börjat här (eller tog för lång tid): försök igen".into(),
        ));
    };
    if want_state.is_empty() || want_state != state {
        return Err(Error::Forbidden(
            "inloggningen kom inte tillbaka från den inloggning som började här: försök igen"
                .into(),
        ));
    }
    let http = http()?;
    let client = client(dir, &http).await?;
    let tokens = client
        .exchange_code(AuthorizationCode::new(code.to_string()))
        .map_err(|e| {
            Error::Internal(format!(
                "identitetsleverantören har ingen token-adress: {e}"
            ))
        })?
        .set_pkce_verifier(PkceCodeVerifier::new(verifier.to_string()))
        .request_async(&http)
        .await
        .map_err(|e| Error::Forbidden(format!("identitetsleverantören godtog inte koden: {e}")))?;
    let id_token = tokens
        .id_token()
        .ok_or_else(|| Error::Forbidden("identitetsleverantören skickade ingen ID-token".into()))?;
    let claims = id_token
        .claims(&client.id_token_verifier(), &Nonce::new(nonce.to_string()))
        .map_err(|e| Error::Forbidden(format!("ID-token godtogs inte: {e}")))?;
    let name = match sso.claim.as_str() {
        "sub" => Some(claims.subject().to_string()),
        "email" => claims
            .email()
            .filter(|_| claims.email_verified() != Some(false))
            .map(|e| e.to_string()),
        _ => claims.preferred_username().map(|u| u.to_string()),
    }
    .filter(|n| !n.trim().is_empty())
    .ok_or_else(|| {
        Error::Forbidden(format!(
            "identitetsleverantören uppgav inget {} att känna igen kontot på",
            sso.claim
        ))
    })?;
    let user = accounts::user_by_name(dir, name.trim())?.ok_or_else(|| {
        Error::Forbidden(format!(
            "det finns inget konto i Paragraf med användarnamnet {}: be administratören lägga upp det",
            name.trim()
        ))
    })?;
    if !user.may_log_in(now) {
        return Err(Error::Forbidden(format!(
            "kontot {} är avstängt",
            user.username
        )));
    }
    let (token, _csrf) = accounts::new_session(dir, &user, now, true)?;
    accounts::record(
        dir,
        &user.username,
        "inloggning via identitetsleverantör",
        "user",
        &user.username,
        None,
        None,
    );
    Ok(Finished { user, token })
}
