-- Handlingarnas flöde (#17): members' private notes on handlingar, and every utskick
-- (the e-mail that a kallelse went out, a protokollsutdrag sent by e-mail or by post).

-- Anteckningar: one user's note on one handling (by case and handlingsnummer), never shown
-- to anyone else; removed with the account, or when the user no longer reads the body.
CREATE TABLE annotations (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    document INTEGER NOT NULL CHECK (document > 0),
    page INTEGER CHECK (page IS NULL OR page > 0),
    quote TEXT,
    note TEXT NOT NULL,
    created_at TEXT NOT NULL,
    CHECK (length(trim(note)) > 0 OR length(trim(coalesce(quote, ''))) > 0)
);
CREATE INDEX annotations_by_user ON annotations (user_id, case_id, document);

-- Utskick: queued, then sent (with the server's message id) or failed (with the error,
-- tried again at next_attempt). A letter by post is recorded as sent when it is marked.
CREATE TABLE dispatches (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    paragraph INTEGER,
    kind TEXT NOT NULL CHECK (kind IN ('kallelse', 'utdrag')),
    recipient TEXT NOT NULL CHECK (length(trim(recipient)) > 0),
    address TEXT,
    method TEXT NOT NULL CHECK (method IN ('e-post', 'post')),
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    body_html TEXT,
    attachment TEXT,
    attachment_name TEXT,
    status TEXT NOT NULL CHECK (status IN ('köad', 'skickad', 'misslyckad')),
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error TEXT,
    next_attempt TEXT,
    message_id TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    sent_at TEXT,
    CHECK (method = 'post' OR address IS NOT NULL),
    CHECK (status <> 'skickad' OR sent_at IS NOT NULL)
);
CREATE INDEX dispatches_due ON dispatches (status, next_attempt);
CREATE INDEX dispatches_by_meeting ON dispatches (meeting_id, paragraph);

-- Tjänsteskrivelser: every saved version of a case's tjänsteskrivelse, numbered from 1;
-- an approved version names the förvaltningschef and the handling it was registered as,
-- and is never changed again.
CREATE TABLE memos (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    version INTEGER NOT NULL CHECK (version > 0),
    data_json TEXT NOT NULL,
    author TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    approved_by TEXT,
    approved_at TEXT,
    document INTEGER,
    UNIQUE (case_id, version),
    CHECK ((approved_by IS NULL) = (approved_at IS NULL)),
    CHECK (approved_by IS NULL OR document IS NOT NULL)
);
CREATE TRIGGER memos_approved_are_kept
BEFORE UPDATE ON memos WHEN OLD.approved_by IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'en godkänd tjänsteskrivelse ändras inte');
END;
CREATE TRIGGER memos_are_not_deleted
BEFORE DELETE ON memos
BEGIN
    SELECT RAISE(ABORT, 'en tjänsteskrivelse tas inte bort');
END;
