//! Randomness from the operating system, for secrets, ids and codes.

/// Fresh random bytes from the operating system.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).expect("the operating system provides randomness");
    bytes
}

/// A random code of `length` characters drawn evenly from `alphabet` (at most 256 symbols).
pub fn random_code(alphabet: &[u8], length: usize) -> String {
    // Bytes at or above the largest multiple of the alphabet's size are skipped, so every
    // symbol is equally likely.
    let fair_below = 256 - 256 % alphabet.len();
    let mut code = String::with_capacity(length);
    while code.len() < length {
        for byte in random_bytes::<32>() {
            if usize::from(byte) < fair_below && code.len() < length {
                code.push(alphabet[usize::from(byte) % alphabet.len()] as char);
            }
        }
    }
    code
}
