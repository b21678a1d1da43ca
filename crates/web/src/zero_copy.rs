//! Signed documents sent without copying them (#20). A document, once checked against its
//! content address, is kept in an in-memory file (`memfd`) sealed against every change — the
//! kernel refuses any write, so the bytes served are the bytes checked — and mapped into
//! memory as the [`Bytes`] the handlers answer with. The connection's writer ([`Connection`])
//! recognises those bytes when hyper writes them and has the kernel send them from the file
//! (`sendfile`, as nginx does) instead of copying them through the socket. Other bytes, and
//! other systems than Linux, are written as usual.

use std::io;
use std::pin::Pin;
use std::sync::{Arc, RwLock};
use std::task::{Context, Poll};

use axum::body::Bytes;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

/// A checked document in its sealed file, mapped; what [`Bytes`] of it point into.
#[cfg(target_os = "linux")]
struct SealedFile {
    map: memmap2::Mmap,
}

#[cfg(target_os = "linux")]
impl AsRef<[u8]> for SealedFile {
    fn as_ref(&self) -> &[u8] {
        &self.map
    }
}

#[cfg(target_os = "linux")]
impl Drop for SealedFile {
    fn drop(&mut self) {
        // Out of the registry before the mapping goes: no writer can find it afterwards.
        let base = self.map.as_ptr() as usize;
        if let Ok(mut files) = FILES.write() {
            files.retain(|f| f.base != base);
        }
    }
}

/// Where a sealed file is mapped, and the file.
#[cfg(target_os = "linux")]
struct Mapped {
    base: usize,
    len: usize,
    fd: Arc<std::os::fd::OwnedFd>,
}

/// Every sealed file mapped now (a few: the documents the cache keeps).
#[cfg(target_os = "linux")]
static FILES: RwLock<Vec<Mapped>> = RwLock::new(Vec::new());

/// The sealed file `bytes` lies in, and where in it they start.
#[cfg(target_os = "linux")]
fn sealed_file_of(bytes: &[u8]) -> Option<(Arc<std::os::fd::OwnedFd>, u64)> {
    let at = bytes.as_ptr() as usize;
    let files = FILES.read().ok()?;
    files
        .iter()
        .find(|f| at >= f.base && at + bytes.len() <= f.base + f.len)
        .map(|f| (f.fd.clone(), (at - f.base) as u64))
}

/// `bytes` as a sealed file's mapping (Linux), or as they are when that cannot be had.
pub fn sealed(name: &str, bytes: Vec<u8>) -> Bytes {
    #[cfg(target_os = "linux")]
    match seal(name, &bytes) {
        Ok(file) => return Bytes::from_owner(file),
        Err(e) => tracing::debug!("dokumentet hålls som vanligt minne: {e}"),
    }
    let _ = name;
    Bytes::from(bytes)
}

#[cfg(target_os = "linux")]
fn seal(name: &str, bytes: &[u8]) -> io::Result<SealedFile> {
    use rustix::fs::{MemfdFlags, SealFlags};
    use std::io::Write;
    if bytes.is_empty() {
        return Err(io::Error::other("tomt dokument"));
    }
    let fd = rustix::fs::memfd_create(name, MemfdFlags::CLOEXEC | MemfdFlags::ALLOW_SEALING)?;
    let mut file = std::fs::File::from(fd);
    file.write_all(bytes)?;
    rustix::fs::fcntl_add_seals(
        &file,
        SealFlags::WRITE | SealFlags::SHRINK | SealFlags::GROW | SealFlags::SEAL,
    )?;
    // SAFETY: the file is sealed against writing, shrinking and growing (and against
    // removing those seals): nobody can change the bytes under the mapping.
    let map = unsafe { memmap2::Mmap::map(&file)? };
    let fd = Arc::new(std::os::fd::OwnedFd::from(file));
    FILES
        .write()
        .map_err(|_| io::Error::other("registret"))?
        .push(Mapped {
            base: map.as_ptr() as usize,
            len: map.len(),
            fd,
        });
    Ok(SealedFile { map })
}

/// Bytes sent from sealed files (what the test asks).
#[cfg(test)]
static SENT_FROM_FILE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// A client's connection: reads as the socket does; writes sealed files' bytes with
/// `sendfile`, everything else as usual.
pub struct Connection(pub TcpStream);

impl AsyncRead for Connection {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_read(cx, buf)
    }
}

impl Connection {
    /// Sends `len` bytes of the sealed file `fd` from `offset`.
    #[cfg(target_os = "linux")]
    fn poll_send_file(
        &self,
        cx: &mut Context<'_>,
        fd: &std::os::fd::OwnedFd,
        offset: u64,
        len: usize,
    ) -> Poll<io::Result<usize>> {
        loop {
            std::task::ready!(self.0.poll_write_ready(cx))?;
            let mut at = offset;
            match self.0.try_io(tokio::io::Interest::WRITABLE, || {
                rustix::fs::sendfile(&self.0, fd, Some(&mut at), len).map_err(io::Error::from)
            }) {
                Ok(n) => {
                    #[cfg(test)]
                    SENT_FROM_FILE.fetch_add(n, std::sync::atomic::Ordering::Relaxed);
                    return Poll::Ready(Ok(n));
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => continue,
                Err(e) => return Poll::Ready(Err(e)),
            }
        }
    }
}

impl Connection {
    /// Sends (part of) `buf` with MSG_MORE: more follows at once.
    #[cfg(target_os = "linux")]
    fn poll_send_more(&self, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        loop {
            std::task::ready!(self.0.poll_write_ready(cx))?;
            match self.0.try_io(tokio::io::Interest::WRITABLE, || {
                rustix::net::send(&self.0, buf, rustix::net::SendFlags::MORE)
                    .map_err(io::Error::from)
            }) {
                Ok(n) => return Poll::Ready(Ok(n)),
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => continue,
                Err(e) => return Poll::Ready(Err(e)),
            }
        }
    }
}

impl AsyncWrite for Connection {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        #[cfg(target_os = "linux")]
        if let Some((fd, offset)) = sealed_file_of(buf) {
            return self.poll_send_file(cx, &fd, offset, buf.len());
        }
        Pin::new(&mut self.0).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        #[cfg(target_os = "linux")]
        {
            // What comes before a sealed file's bytes goes as usual (the response head);
            // the file's bytes themselves, when they come first, from the file.
            let first = bufs
                .iter()
                .enumerate()
                .find_map(|(i, b)| sealed_file_of(b).map(|f| (i, f)));
            match first {
                Some((0, (fd, offset))) => {
                    return self.poll_send_file(cx, &fd, offset, bufs[0].len());
                }
                // The head with MSG_MORE: the kernel holds it to go out with the file's
                // first bytes, not as a packet of its own.
                Some(_) => return self.poll_send_more(cx, &bufs[0]),
                None => {}
            }
        }
        Pin::new(&mut self.0).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        true
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    /// A sealed file's bytes arrive whole and in order, between ordinary bytes, also when
    /// the reader is slow (the socket fills and sendfile sends part); the file cannot be
    /// changed, and leaves the registry with its last reference.
    #[tokio::test]
    async fn a_sealed_file_is_sent_whole_between_other_bytes() {
        let content: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
        let body = sealed("prov.pdf", content.clone());
        assert_eq!(&body[..], &content[..]);
        #[cfg(target_os = "linux")]
        {
            let (fd, offset) = sealed_file_of(&body[10..20]).expect("registered");
            assert_eq!(offset, 10);
            let mut file = std::fs::File::from(fd.try_clone().expect("fd"));
            use std::io::Write;
            assert!(file.write_all(b"x").is_err(), "sealed against writing");
        }
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let sending = body.clone();
        let server = tokio::spawn(async move {
            let (stream, _) = listener.accept().await.unwrap();
            let mut conn = Connection(stream);
            let head = Bytes::from_static(b"HEAD\r\n");
            let tail = Bytes::from_static(b"\r\nTAIL");
            let mut parts = [head, sending.slice(..), tail];
            // As hyper writes: vectored, advancing over what was written.
            let mut i = 0;
            while i < parts.len() {
                let slices: Vec<io::IoSlice<'_>> =
                    parts[i..].iter().map(|b| io::IoSlice::new(b)).collect();
                let mut n = conn.write_vectored(&slices).await.unwrap();
                while n > 0 && i < parts.len() {
                    let take = n.min(parts[i].len());
                    parts[i] = parts[i].slice(take..);
                    n -= take;
                    if parts[i].is_empty() {
                        i += 1;
                    }
                }
            }
            conn.shutdown().await.unwrap();
        });
        let mut client = tokio::net::TcpStream::connect(addr).await.unwrap();
        let mut got = Vec::new();
        let mut buf = vec![0; 7_000];
        loop {
            let n = client.read(&mut buf).await.unwrap();
            if n == 0 {
                break;
            }
            got.extend_from_slice(&buf[..n]);
            if got.len() < 100_000 {
                tokio::time::sleep(std::time::Duration::from_millis(1)).await;
            }
        }
        server.await.unwrap();
        let mut want = b"HEAD\r\n".to_vec();
        want.extend_from_slice(&content);
        want.extend_from_slice(b"\r\nTAIL");
        assert!(got == want, "{} bytes, {} expected", got.len(), want.len());
        #[cfg(target_os = "linux")]
        assert_eq!(
            SENT_FROM_FILE.load(std::sync::atomic::Ordering::Relaxed),
            content.len(),
            "the file's bytes went by sendfile"
        );
        #[cfg(target_os = "linux")]
        {
            let base = body.as_ptr() as usize;
            drop(body);
            assert!(
                FILES.read().unwrap().iter().all(|f| f.base != base),
                "the last reference takes the file out of the registry"
            );
        }
    }
}
