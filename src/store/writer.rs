//! The app's database writer: a thread that owns a connection and the
//! shared [`Recorder`], takes jobs (a session begun, an answer, an undo, a
//! session ended, a retry) in order, and reports what each came to through
//! a callback. The app's thread never waits on the database: when another
//! program holds the lock, the answer waits here, is retried, and the app
//! shows how many are pending.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

use crate::quiz::{Attempt, CardState, QuizSession, Scheduler, Timestamp};
use crate::vault::{QuestionId, Vault};

use super::{Reconciled, Recorder, Store};

/// Work for the writer.
#[derive(Debug)]
pub enum WriteJob {
    /// A new session starts: record it with its scheduler and seed.
    Begin {
        /// The session's scheduler (default or fitted parameters, capped by
        /// an exam date).
        scheduler: Box<Scheduler>,
        /// Its shuffle seed.
        seed: Option<u64>,
        /// The session, for its id, mode and length.
        session: Box<QuizSession>,
        /// When it started.
        now: Timestamp,
    },
    /// An answer was given.
    Answered(Box<Attempt>),
    /// Take the last practice answer back.
    Undo,
    /// Record the last practice answer again in place of its first record
    /// (the learner said they guessed, or took that back).
    Replace(Box<Attempt>),
    /// The session ended.
    Finished {
        /// The session as it ended.
        session: Box<QuizSession>,
        /// When.
        now: Timestamp,
    },
    /// Try the refused answers again.
    Retry,
    /// Fit the FSRS parameters to the learner's reviews (`munje progress
    /// optimize`); quizzes started afterwards schedule with them.
    Optimize(Timestamp),
    /// A vault arrived: attach history to edited questions (vault-sized
    /// work, so it runs here rather than on the app's thread).
    Reconcile(Arc<Vault>, Timestamp),
}

/// What a job came to.
#[derive(Debug)]
pub enum WriteReport {
    /// An answer (or a retry) was written, or refused.
    Saved {
        /// The question answered (`None` for a retry).
        question: Option<QuestionId>,
        /// Cards written, oldest answer first.
        cards: Vec<(QuestionId, CardState)>,
        /// Answers still waiting.
        pending: usize,
        /// Why the store refused, if it did.
        error: Option<String>,
    },
    /// The last answer was taken back (`None`: there was none), or the
    /// store refused.
    Undone(Result<Option<Attempt>, String>),
    /// A session's end was recorded: an exam's answers with their cards.
    Finished {
        /// The exam's answers and cards (empty for practice).
        exam: Vec<(Attempt, CardState)>,
        /// Answers still waiting.
        pending: usize,
        /// Why the store refused, if it did.
        error: Option<String>,
    },
    /// A session's start was recorded, or refused (it is retried at the
    /// end).
    Started(Option<String>),
    /// The parameters were fitted, or there is not enough history yet.
    Optimized(Result<super::Fit, String>),
    /// The store reconciled with a vault (see `Store::reconcile`).
    Reconciled(Result<Reconciled, String>),
    /// The whole-file check, run first on this thread, found the file
    /// damaged: it was moved aside before any write, and a fresh one took
    /// its place. Not the answer to a job.
    MovedAside(super::Recovery),
}

/// The handle the app keeps.
#[derive(Debug)]
pub struct Writer {
    jobs: Option<Sender<WriteJob>>,
    thread: Option<JoinHandle<usize>>,
}

impl Writer {
    /// Starts the writer on its own connection; `report` is called on the
    /// writer's thread after each job.
    pub fn spawn(
        store: Store,
        report: impl Fn(WriteReport) + Send + 'static,
    ) -> std::io::Result<Writer> {
        let (tx, rx) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("writer".into())
            .spawn(move || run(store, &rx, &report))?;
        Ok(Writer {
            jobs: Some(tx),
            thread: Some(thread),
        })
    }

    /// Queues a job; false when the writer is gone.
    pub fn send(&self, job: WriteJob) -> bool {
        self.jobs.as_ref().is_some_and(|tx| tx.send(job).is_ok())
    }

    /// Finishes the jobs queued so far, tries the refused answers a last
    /// time, and stops; returns how many answers could not be saved.
    pub fn finish(mut self) -> usize {
        self.jobs = None;
        self.thread.take().and_then(|t| t.join().ok()).unwrap_or(0)
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        self.jobs = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Waits for the store's whole-file check here rather than at the first
/// write, so a damaged file is told even when nothing is answered; the
/// jobs wait meanwhile, the app does not.
fn finish_check(store: &mut Store, report: &dyn Fn(WriteReport)) {
    if let Ok(true) = store.finish_check()
        && let Some(r) = store.recovery()
    {
        report(WriteReport::MovedAside(r.clone()));
    }
}

fn run(mut store: Store, jobs: &Receiver<WriteJob>, report: &dyn Fn(WriteReport)) -> usize {
    finish_check(&mut store, report);
    let mut recorder: Option<Recorder> = None;
    for job in jobs {
        match job {
            WriteJob::Begin {
                scheduler,
                seed,
                session,
                now,
            } => {
                let rec = match &mut recorder {
                    Some(r) => {
                        r.begin(*scheduler, seed);
                        r
                    }
                    None => recorder.insert(Recorder::new(*scheduler, seed)),
                };
                let refused = rec.start(&mut store, &session, now).err();
                report(WriteReport::Started(refused.map(|e| e.to_string())));
            }
            WriteJob::Answered(attempt) => {
                let Some(rec) = &mut recorder else { continue };
                let saved = rec.answered(&mut store, &attempt);
                report(WriteReport::Saved {
                    question: Some(attempt.question.clone()),
                    cards: saved.cards,
                    pending: saved.pending,
                    error: saved.error.map(|e| e.to_string()),
                });
            }
            WriteJob::Replace(attempt) => {
                let Some(rec) = &mut recorder else { continue };
                let saved = match rec.undo(&mut store) {
                    Ok(_) => rec.answered(&mut store, &attempt),
                    Err(e) => crate::store::Saved {
                        pending: rec.pending(),
                        error: Some(e),
                        ..Default::default()
                    },
                };
                report(WriteReport::Saved {
                    question: Some(attempt.question.clone()),
                    cards: saved.cards,
                    pending: saved.pending,
                    error: saved.error.map(|e| e.to_string()),
                });
            }
            WriteJob::Optimize(now) => {
                report(WriteReport::Optimized(
                    store.optimize(now).map_err(|e| e.to_string()),
                ));
            }
            WriteJob::Reconcile(vault, now) => {
                let done = if store.is_in_memory() {
                    Ok(Reconciled::default())
                } else {
                    store.reconcile(&vault, now).map_err(|e| e.to_string())
                };
                report(WriteReport::Reconciled(done));
            }
            WriteJob::Retry => {
                let Some(rec) = &mut recorder else { continue };
                let saved = rec.retry(&mut store);
                report(WriteReport::Saved {
                    question: None,
                    cards: saved.cards,
                    pending: saved.pending,
                    error: saved.error.map(|e| e.to_string()),
                });
            }
            WriteJob::Undo => {
                let taken = match &mut recorder {
                    Some(rec) => rec.undo(&mut store).map_err(|e| e.to_string()),
                    None => Ok(None),
                };
                report(WriteReport::Undone(taken));
            }
            WriteJob::Finished { session, now } => {
                let Some(rec) = &mut recorder else { continue };
                let (exam, error) = match rec.finished(&mut store, &session, now) {
                    Ok(exam) => (exam, None),
                    Err(e) => (Vec::new(), Some(e.to_string())),
                };
                report(WriteReport::Finished {
                    exam,
                    pending: rec.pending(),
                    error,
                });
            }
        }
    }
    // The app is ending: last tries, each waiting out the busy timeout.
    let Some(rec) = &mut recorder else { return 0 };
    for _ in 0..3 {
        if rec.pending() == 0 {
            break;
        }
        let _ = rec.retry(&mut store);
    }
    rec.pending()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::testing::attempt;
    use std::time::Duration;

    #[test]
    fn answers_are_written_in_order_and_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.db");
        let store = Store::open(&path, Timestamp(0)).unwrap();
        let (tx, rx) = mpsc::channel();
        let writer = Writer::spawn(store, move |r| {
            let _ = tx.send(r);
        })
        .unwrap();
        let session = crate::quiz::testing::practice_session();
        writer.send(WriteJob::Begin {
            scheduler: Box::new(Scheduler::new().unwrap()),
            seed: None,
            session: Box::new(session),
            now: Timestamp(0),
        });
        for (i, q) in ["q1", "q2"].into_iter().enumerate() {
            let mut a = attempt(q, &['A'], &['A'], 100);
            a.session = crate::quiz::SessionId(format!("s{i}"));
            writer.send(WriteJob::Answered(Box::new(a)));
        }
        assert!(matches!(
            rx.recv_timeout(Duration::from_secs(10)).unwrap(),
            WriteReport::Started(None)
        ));
        for q in ["q1", "q2"] {
            match rx.recv_timeout(Duration::from_secs(10)).unwrap() {
                WriteReport::Saved {
                    question,
                    cards,
                    pending,
                    error,
                } => {
                    assert_eq!(question, Some(QuestionId(q.into())));
                    assert_eq!(cards.len(), 1);
                    assert_eq!((pending, error), (0, None));
                }
                other => panic!("{other:?}"),
            }
        }
        writer.send(WriteJob::Undo);
        match rx.recv_timeout(Duration::from_secs(10)).unwrap() {
            WriteReport::Undone(Ok(Some(a))) => assert_eq!(&*a.question.0, "q2"),
            other => panic!("{other:?}"),
        }
        assert_eq!(writer.finish(), 0);
        let store = Store::open(&path, Timestamp(0)).unwrap();
        let left: Vec<String> = store
            .attempts()
            .unwrap()
            .into_iter()
            .map(|a| a.question.0.to_string())
            .collect();
        assert_eq!(left, ["q1"]);
    }

    #[test]
    fn damage_the_check_finds_is_reported_before_any_job_is_written() {
        let (_dir, path) = super::super::integrity::tests::long_history();
        super::super::integrity::tests::damage(&path);
        let store = Store::open_checking_beside(&path, Timestamp(0)).unwrap();
        assert!(store.recovery().is_none());
        let (tx, rx) = mpsc::channel();
        let writer = Writer::spawn(store, move |r| {
            let _ = tx.send(r);
        })
        .unwrap();
        writer.send(WriteJob::Retry);
        match rx.recv_timeout(Duration::from_secs(10)).unwrap() {
            WriteReport::MovedAside(r) => assert!(r.moved_to.is_file()),
            other => panic!("{other:?}"),
        }
        assert_eq!(writer.finish(), 0);
        let fresh = Store::open(&path, Timestamp(0)).unwrap();
        assert!(fresh.recovery().is_none());
        assert!(fresh.attempts().unwrap().is_empty(), "a fresh file");
    }
}
