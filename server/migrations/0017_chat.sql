-- The auto-response chat (issue 16): the FAQ's paraphrases and the synonym table the retriever reads (both editable
-- data, not code), conversations and their messages. An anonymous visitor's conversation has no user and is bound
-- to the digest of a secret kept in their HttpOnly chat cookie. A handed-over conversation names the coordinating
-- organisation whose coordinators answer in it.
CREATE TABLE chat_synonyms (
  id TEXT PRIMARY KEY,
  terms TEXT NOT NULL,           -- JSON array of strings; the others are read as the first
  updated_at BIGINT NOT NULL
);

CREATE TABLE chat_faq_phrases (
  faq_id TEXT NOT NULL REFERENCES faq_articles (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (faq_id, position)
);

CREATE TABLE chat_conversations (
  id TEXT PRIMARY KEY,
  user_id TEXT REFERENCES users (id) ON DELETE CASCADE,
  secret_digest TEXT,            -- anonymous visitors only
  state TEXT NOT NULL,           -- bot, handed_over
  failures INTEGER NOT NULL,     -- questions in a row the bot could not answer
  context TEXT NOT NULL,         -- JSON: the choices or slots the last reply left open
  handover_org_id TEXT REFERENCES organisations (id),  -- the coordinating organisation it was handed to
  handed_over_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX chat_conversations_user ON chat_conversations (user_id, updated_at);
CREATE INDEX chat_conversations_handover ON chat_conversations (handover_org_id, state);

CREATE TABLE chat_messages (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES chat_conversations (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  author TEXT NOT NULL,          -- user, bot, staff
  author_id TEXT REFERENCES users (id),
  kind TEXT,                     -- a bot reply's kind: answer, choices, question, confirm, handover
  text TEXT NOT NULL,
  payload TEXT NOT NULL,         -- JSON: the reply's sources and choices
  created_at BIGINT NOT NULL,
  UNIQUE (conversation_id, seq)
);
