//! A bulk import on both cores (#20): the file is read and its rows checked on a thread of
//! their own while the store writes, in its one transaction, what it has been handed.

use std::sync::mpsc::{sync_channel, Receiver};
use std::thread::ScopedJoinHandle;

/// Rows handed over at a time.
const BATCH: usize = 1024;

/// Batches in flight between reader and writer (memory stays bounded whatever the file).
const IN_FLIGHT: usize = 4;

/// What the writer takes the reader's rows from.
pub(crate) struct Feed<'s, T, R> {
    receive: Option<Receiver<Vec<T>>>,
    batch: std::vec::IntoIter<T>,
    reading: Option<ScopedJoinHandle<'s, R>>,
    read: Option<R>,
    /// Whether the writer took every row the reader gave.
    drained: bool,
}

impl<T, R> Feed<'_, T, R> {
    /// The next row, or `None` when the reader has given all it will give.
    pub(crate) fn next(&mut self) -> Option<T> {
        loop {
            if let Some(t) = self.batch.next() {
                return Some(t);
            }
            match self.receive.as_ref()?.recv() {
                Ok(batch) => self.batch = batch.into_iter(),
                Err(_) => {
                    self.drained = true;
                    return None;
                }
            }
        }
    }

    /// What the reader returned, when it has finished (the rows not taken are dropped, and
    /// a reader still giving is told that nobody takes them).
    pub(crate) fn finish(&mut self) -> &R {
        self.receive = None;
        if let Some(reading) = self.reading.take() {
            match reading.join() {
                Ok(r) => self.read = Some(r),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        self.read.as_ref().expect("joined above")
    }
}

/// What the store's transaction ends with once every row was read: done, or undone
/// because some row was bad (the rows are named to the user, not this error).
pub(crate) fn all_or_nothing(all_good: bool) -> paragraf_store::Result<()> {
    if all_good {
        Ok(())
    } else {
        Err(paragraf_store::StoreError::Rule(
            "filen har rader med fel".into(),
        ))
    }
}

/// What an import ends with, from [`pipelined`]: the store's own error when it stopped
/// before it had taken every row (a file imported before, a failed write) — that is the
/// answer, not the rows' problems — else what the store returned.
pub(crate) fn stopped_early<T>(
    (stored, drained): (paragraf_store::Result<T>, bool),
) -> anyhow::Result<paragraf_store::Result<T>> {
    match stored {
        Err(e) if !drained => Err(e.into()),
        stored => Ok(stored),
    }
}

/// Runs `read` on a thread of its own and `write` on this one: what `read` gives (through the
/// function it is handed, which says `false` once nobody takes more) reaches `write` through
/// its [`Feed`], in order. Returns what each returned, the writer's with whether it took
/// every row.
pub(crate) fn pipelined<T: Send, R: Send, W>(
    read: impl FnOnce(&mut dyn FnMut(T) -> bool) -> R + Send,
    write: impl FnOnce(&mut Feed<'_, T, R>) -> W,
) -> (R, (W, bool)) {
    let (send, receive) = sync_channel::<Vec<T>>(IN_FLIGHT);
    std::thread::scope(|scope| {
        let reading = scope.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            let mut open = true;
            let out = read(&mut |t| {
                if open {
                    batch.push(t);
                    if batch.len() == BATCH {
                        let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                        open = send.send(full).is_ok();
                    }
                }
                open
            });
            if open && !batch.is_empty() {
                let _ = send.send(batch);
            }
            out
        });
        let mut feed = Feed {
            receive: Some(receive),
            batch: Vec::new().into_iter(),
            reading: Some(reading),
            read: None,
            drained: false,
        };
        let written = write(&mut feed);
        let drained = feed.drained;
        feed.finish();
        (feed.read.take().expect("finished"), (written, drained))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_arrives_in_order_and_the_reader_is_stopped_when_the_writer_stops() {
        let (read, (written, drained)) = pipelined(
            |give| {
                let mut given = 0;
                for i in 0..100_000u32 {
                    if give(i) {
                        given += 1;
                    }
                }
                given
            },
            |feed| {
                let mut all = Vec::new();
                while let Some(i) = feed.next() {
                    all.push(i);
                }
                assert_eq!(*feed.finish(), 100_000);
                all
            },
        );
        assert_eq!(read, 100_000);
        assert_eq!(written, (0..100_000).collect::<Vec<_>>());
        assert!(drained);

        // A writer that stops early (a store error): the reader is not left waiting, and
        // learns that nothing more is taken.
        let (read, (first, drained)) = pipelined(
            |give| (0..1_000_000u32).filter(|i| give(*i)).count(),
            |feed| feed.next(),
        );
        assert_eq!(first, Some(0));
        assert!(!drained);
        assert!(read < 1_000_000, "{read}");
    }
}
