//! The address a request comes from, for rate limits: the peer's; or, when the peer is a
//! reverse proxy the operator named (`--trusted-proxy`), the client's as that proxy reports it
//! in the one header the operator chose (`--proxy-header`): `X-Forwarded-For` (the default,
//! what nginx and Caddy set) or `Forwarded` (RFC 7239). The other header is never read: a
//! proxy passes on what it does not set, so a client could write it. From any other peer
//! neither is believed.

use super::AppState;
use super::error::ApiError;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use ipnet::IpNet;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

/// The header in which the trusted proxies name the client.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ProxyHeader {
    /// `X-Forwarded-For: client, proxy1, …`.
    #[default]
    XForwardedFor,
    /// `Forwarded: for=client, for=proxy1, …` (RFC 7239).
    Forwarded,
}

/// The reverse proxies whose word on the client's address is taken, and where they give it.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies {
    networks: Vec<IpNet>,
    header: ProxyHeader,
}

impl TrustedProxies {
    pub fn new(networks: Vec<IpNet>, header: ProxyHeader) -> TrustedProxies {
        TrustedProxies { networks, header }
    }

    fn trusts(&self, address: IpAddr) -> bool {
        let address = canonical(address);
        self.networks
            .iter()
            .any(|network| network.contains(&address))
    }

    /// The client behind `peer`: walking the forwarding chain back from the nearest hop, the
    /// first address that is not one of the trusted proxies. A hop the chain cannot name (an
    /// "unknown" or obfuscated `for`) stops the walk at the proxy that reported it.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let mut nearest = canonical(peer);
        if !self.trusts(nearest) {
            return nearest;
        }
        for hop in forwarding_chain(self.header, headers).into_iter().rev() {
            let Some(hop) = hop else {
                return nearest;
            };
            nearest = canonical(hop);
            if !self.trusts(nearest) {
                return nearest;
            }
        }
        nearest
    }
}

/// An IPv4 address written as IPv6 (`::ffff:192.0.2.1`, as dual-stack sockets report them) is
/// the IPv4 address.
pub(crate) fn canonical(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(address, IpAddr::V4),
        IpAddr::V4(_) => address,
    }
}

/// The addresses the request passed through, farthest first, as the proxies wrote them in
/// `header`. `None` for a hop without an address. A header that cannot be read counts as one
/// hop without an address.
fn forwarding_chain(header: ProxyHeader, headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    match header {
        ProxyHeader::Forwarded => headers
            .get_all("forwarded")
            .iter()
            .flat_map(|value| rfc7239::parse(value.to_str().unwrap_or("for=unknown")))
            .map(|node| {
                node.ok()
                    .and_then(|node| node.forwarded_for)
                    .and_then(|node| match node.name {
                        rfc7239::NodeName::Ip(address) => Some(address),
                        _ => None,
                    })
            })
            .collect(),
        ProxyHeader::XForwardedFor => headers
            .get_all("x-forwarded-for")
            .iter()
            .flat_map(|value| value.to_str().unwrap_or("unknown").split(','))
            .map(|hop| hop_address(hop.trim()))
            .collect(),
    }
}

/// One hop of `X-Forwarded-For`: an address, or one with its port or brackets as some
/// proxies write it (`192.0.2.1:5678`, `[2001:db8::1]:443`, `[2001:db8::1]`).
fn hop_address(hop: &str) -> Option<IpAddr> {
    hop.parse()
        .ok()
        .or_else(|| hop.parse::<std::net::SocketAddr>().ok().map(|at| at.ip()))
        .or_else(|| {
            hop.strip_prefix('[')
                .and_then(|rest| rest.strip_suffix(']'))
                .and_then(|inner| inner.parse().ok())
        })
}

/// The address the request came from, for rate limits.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddr(pub IpAddr);

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |info| info.0.ip());
        Ok(ClientAddr(state.proxies.client(peer, &parts.headers)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn proxies(networks: &[&str]) -> TrustedProxies {
        TrustedProxies::new(
            networks.iter().map(|n| n.parse().unwrap()).collect(),
            ProxyHeader::XForwardedFor,
        )
    }

    fn rfc7239_proxies(networks: &[&str]) -> TrustedProxies {
        TrustedProxies::new(
            networks.iter().map(|n| n.parse().unwrap()).collect(),
            ProxyHeader::Forwarded,
        )
    }

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.append(*name, HeaderValue::from_static(value));
        }
        headers
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn forwarding_headers_count_only_from_a_trusted_proxy() {
        let trusted = proxies(&["10.0.0.0/8"]);
        let forwarded = headers(&[("x-forwarded-for", "198.51.100.7")]);
        assert_eq!(
            trusted.client(ip("10.1.2.3"), &forwarded),
            ip("198.51.100.7")
        );
        // Anyone else may write the header: it is ignored.
        assert_eq!(
            trusted.client(ip("203.0.113.9"), &forwarded),
            ip("203.0.113.9")
        );
        assert_eq!(
            TrustedProxies::default().client(ip("10.1.2.3"), &forwarded),
            ip("10.1.2.3")
        );
    }

    #[test]
    fn the_client_is_the_first_untrusted_hop_from_the_nearest() {
        let trusted = proxies(&["10.0.0.0/8", "2001:db8::/32"]);
        // A client that wrote its own header first: the spoofed hop is farther than the one
        // the trusted proxy added, so it is never reached.
        let chain = headers(&[("x-forwarded-for", "1.2.3.4, 198.51.100.7, 10.0.0.2")]);
        assert_eq!(trusted.client(ip("10.0.0.1"), &chain), ip("198.51.100.7"));
        let rfc = headers(&[(
            "forwarded",
            "for=1.2.3.4, for=\"[2001:db8:cafe::17]:4711\", for=198.51.100.8;proto=https",
        )]);
        let rfc_trusted = rfc7239_proxies(&["10.0.0.0/8", "2001:db8::/32"]);
        assert_eq!(rfc_trusted.client(ip("10.0.0.1"), &rfc), ip("198.51.100.8"));
    }

    #[test]
    fn only_the_chosen_header_is_read() {
        // A proxy that sets X-Forwarded-For passes on a Forwarded the client wrote itself (and
        // the other way round): that one must not count.
        let both = headers(&[
            ("forwarded", "for=198.51.100.9"),
            ("x-forwarded-for", "198.51.100.10"),
        ]);
        assert_eq!(
            proxies(&["10.0.0.0/8"]).client(ip("10.0.0.1"), &both),
            ip("198.51.100.10")
        );
        assert_eq!(
            rfc7239_proxies(&["10.0.0.0/8"]).client(ip("10.0.0.1"), &both),
            ip("198.51.100.9")
        );
        let forged = headers(&[("forwarded", "for=198.51.100.9")]);
        assert_eq!(
            proxies(&["10.0.0.0/8"]).client(ip("10.0.0.1"), &forged),
            ip("10.0.0.1"),
            "no X-Forwarded-For: the proxy itself"
        );
    }

    #[test]
    fn a_hop_without_an_address_stops_at_the_proxy_that_reported_it() {
        let trusted = proxies(&["10.0.0.0/8"]);
        let unknown = headers(&[("forwarded", "for=unknown, for=10.0.0.5")]);
        assert_eq!(
            rfc7239_proxies(&["10.0.0.0/8"]).client(ip("10.0.0.1"), &unknown),
            ip("10.0.0.5")
        );
        let junk = headers(&[("x-forwarded-for", "not-an-address")]);
        assert_eq!(trusted.client(ip("10.0.0.1"), &junk), ip("10.0.0.1"));
        // Hops with their ports, as some proxies (Azure's, IIS) write them.
        let ported = headers(&[("x-forwarded-for", "198.51.100.8:5678, [2001:db8::9]:443")]);
        assert_eq!(
            proxies(&["10.0.0.0/8", "2001:db8::9/128"]).client(ip("10.0.0.1"), &ported),
            ip("198.51.100.8")
        );
        assert_eq!(trusted.client(ip("10.0.0.1"), &ported), ip("2001:db8::9"));
        let bracketed = headers(&[("x-forwarded-for", "[2001:db8::7]")]);
        assert_eq!(
            trusted.client(ip("10.0.0.1"), &bracketed),
            ip("2001:db8::7")
        );
        let mapped = headers(&[("x-forwarded-for", "::ffff:198.51.100.7")]);
        assert_eq!(
            trusted.client(ip("::ffff:10.0.0.1"), &mapped),
            ip("198.51.100.7")
        );
    }
}
