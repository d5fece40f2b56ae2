import GRDB

/// The schema, as migrations registered by name. A migration is never edited once released:
/// a change is a new migration, and ``StudyDatabase/schemaVersion`` goes up with it.
enum Schema {
    /// Registers every migration in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2") { db in
            try db.execute(sql: v2)
        }
        migrator.registerMigration("v3") { db in
            try db.execute(sql: v3)
        }
        // Rebuilds `interview` (a participant's code may now name one interview per wave); with
        // foreign keys off until the end, then checked, as GRDB does for every migration.
        migrator.registerMigration("v4") { db in
            try db.execute(sql: v4)
        }
        return migrator
    }

    /// The `answer` table of the first schema, named apart because the page reader
    /// (``AnswerPages``) decodes exactly this layout and checks the stored definition against it.
    static let answerTable = """
        CREATE TABLE answer (
            interview_id INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
            variable_id INTEGER NOT NULL REFERENCES variable(id),
            status INTEGER NOT NULL CHECK (status BETWEEN 0 AND 5),
            value,
            revision INTEGER NOT NULL DEFAULT 1,
            answered_at TEXT,
            PRIMARY KEY (interview_id, variable_id)
        ) WITHOUT ROWID
        """

    /// The first schema. Column by column in docs/study-database.md.
    static let v1 = """
        CREATE TABLE study (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            uuid TEXT NOT NULL,
            title TEXT NOT NULL,
            public_key BLOB CHECK (public_key IS NULL OR length(public_key) = 32),
            key_fingerprint TEXT,
            created_at TEXT NOT NULL
        );

        CREATE TABLE instrument (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            version INTEGER NOT NULL,
            content_hash TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            registered_at TEXT NOT NULL
        );

        CREATE TABLE variable (
            id INTEGER PRIMARY KEY,
            instrument_id INTEGER NOT NULL REFERENCES instrument(id),
            name TEXT NOT NULL,
            position INTEGER NOT NULL,
            identifying INTEGER NOT NULL DEFAULT 0,
            UNIQUE (instrument_id, name)
        );

        CREATE TABLE interview (
            id INTEGER PRIMARY KEY,
            uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
            code TEXT NOT NULL UNIQUE,
            instrument_id INTEGER NOT NULL REFERENCES instrument(id),
            interviewer TEXT NOT NULL,
            language TEXT NOT NULL,
            status TEXT NOT NULL
                CHECK (status IN ('active', 'suspended', 'completed', 'broken_off', 'no_consent')),
            outcome TEXT,
            simulated INTEGER NOT NULL DEFAULT 0,
            revision INTEGER NOT NULL DEFAULT 1,
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            ended_at TEXT
        );
        CREATE INDEX interview_by_instrument ON interview(instrument_id, status);

        \(answerTable);

        CREATE TABLE sealed (
            interview_id INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
            variable_id INTEGER NOT NULL REFERENCES variable(id),
            encapsulated_key BLOB NOT NULL,
            ciphertext BLOB NOT NULL,
            PRIMARY KEY (interview_id, variable_id)
        ) WITHOUT ROWID;

        CREATE TABLE event (
            id INTEGER PRIMARY KEY,
            interview_id INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            variable_id INTEGER REFERENCES variable(id),
            reason TEXT,
            old_status INTEGER,
            old_value
        );
        CREATE INDEX event_by_interview ON event(interview_id);
        CREATE TRIGGER event_is_append_only BEFORE UPDATE ON event
        BEGIN
            SELECT RAISE(ABORT, 'the event log is append-only');
        END;

        CREATE TABLE note (
            id INTEGER PRIMARY KEY,
            interview_id INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
            variable_id INTEGER REFERENCES variable(id),
            at TEXT NOT NULL,
            text TEXT,
            encapsulated_key BLOB,
            ciphertext BLOB,
            CHECK ((text IS NULL) <> (ciphertext IS NULL))
        );
        CREATE INDEX note_by_interview ON note(interview_id);

        CREATE TABLE withdrawal (
            interview_uuid BLOB PRIMARY KEY CHECK (length(interview_uuid) = 16),
            withdrawn_at TEXT NOT NULL
        ) WITHOUT ROWID;
        """

    /// The export secret (one row): 32 random bytes made by the first `export`, from which each
    /// release's pseudonym key is derived. Only its holder can link a pseudonym to a participant code.
    static let v2 = """
        CREATE TABLE export_secret (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            secret BLOB NOT NULL CHECK (length(secret) = 32),
            created_at TEXT NOT NULL
        );
        """

    /// Answers kept beside an interview's current ones: when a merge finds two versions of one
    /// interview, the answers of the version not kept, where they differ, so that nothing the
    /// other laptop saved is lost (docs/study-database.md). Identifying values stay sealed.
    static let v3 = """
        CREATE TABLE answer_revision (
            id INTEGER PRIMARY KEY,
            interview_id INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
            variable_id INTEGER NOT NULL REFERENCES variable(id),
            status INTEGER NOT NULL CHECK (status BETWEEN 0 AND 5),
            value,
            revision INTEGER NOT NULL,
            answered_at TEXT,
            encapsulated_key BLOB,
            ciphertext BLOB,
            reason TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX answer_revision_once
            ON answer_revision(interview_id, variable_id, revision, ifnull(answered_at, ''), status);
        """

    /// Waves (issue 17): the study plan, and `interview` rebuilt with the wave and arm of each
    /// interview. A participant's code names their interview of each wave (UNIQUE(code, wave));
    /// interviews outside a plan have the wave `''`.
    static let v4 = """
        CREATE TABLE study_plan (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL,
            source TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        );

        CREATE TABLE plan_wave (
            position INTEGER PRIMARY KEY,
            wave TEXT NOT NULL UNIQUE,
            instrument_id INTEGER NOT NULL REFERENCES instrument(id)
        );

        CREATE TABLE interview_new (
            id INTEGER PRIMARY KEY,
            uuid BLOB NOT NULL UNIQUE CHECK (length(uuid) = 16),
            code TEXT NOT NULL,
            instrument_id INTEGER NOT NULL REFERENCES instrument(id),
            interviewer TEXT NOT NULL,
            language TEXT NOT NULL,
            status TEXT NOT NULL
                CHECK (status IN ('active', 'suspended', 'completed', 'broken_off', 'no_consent')),
            outcome TEXT,
            simulated INTEGER NOT NULL DEFAULT 0,
            revision INTEGER NOT NULL DEFAULT 1,
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            ended_at TEXT,
            wave TEXT NOT NULL DEFAULT '',
            arm TEXT,
            UNIQUE (code, wave)
        );
        INSERT INTO interview_new
            (id, uuid, code, instrument_id, interviewer, language, status, outcome, simulated, revision,
             started_at, updated_at, ended_at)
            SELECT id, uuid, code, instrument_id, interviewer, language, status, outcome, simulated, revision,
                   started_at, updated_at, ended_at
            FROM interview;
        DROP TABLE interview;
        ALTER TABLE interview_new RENAME TO interview;
        CREATE INDEX interview_by_instrument ON interview(instrument_id, status);
        CREATE INDEX interview_by_wave ON interview(wave, code);
        """
}
