public import Instrument

/// Every word the program itself shows during an interview (not the instrument's own texts),
/// in one language: the keys, prompts, messages, menus and list joins of both interviewers and
/// the engine's answer checks. One value per language (``english``, ``welsh``); a struct, so a
/// language that leaves out a text does not compile. docs/translating.md says how to add one.
///
/// Keys (`Ctrl-B`, digits, `y`, `a`) and line-mode command words (`/back`) are the same in every
/// language, so a peer researcher's fingers do not change with the interview's language; the
/// words that explain them are translated.
public struct InterviewerWords: Sendable {
    // MARK: - Everywhere

    /// The banner on every screen of `peersurvey preview`.
    public let previewBanner: String
    /// "Question 7 of about 24".
    public let questionOf: @Sendable (_ current: Int, _ total: Int) -> String
    /// The status of a note's screen.
    public let readThisOut: String
    /// The status of a question asked again from the review.
    public let changingAtReview: String
    /// The status of a question that an amendment at the review brought onto the route.
    public let openedByChange: String
    /// The label in front of an interviewer instruction ("Interviewer").
    public let interviewerLabel: String
    /// The instruction on a "something else, please say" follow-up.
    public let specifyInstruction: String
    /// The label of an answer field.
    public let answerLabel: String
    /// The label of a date field.
    public let dateLabel: String
    /// The label of a long (several-line) answer field.
    public let longAnswerLabel: String
    /// Shown while a number or date field still holds the answer so far.
    public let typingReplaces: String
    /// "Answer so far: ... Enter keeps it."
    public let answerSoFar: @Sendable (_ answer: String) -> String
    /// "Answer so far: ... Enter keeps it; type to replace it." (sealed and identifying answers).
    public let answerSoFarPrivate: @Sendable (_ answer: String) -> String
    /// The prefix of a hard check's message: the answer cannot be kept.
    public let notAccepted: String
    /// The prefix of a soft warning's message: the answer can be kept.
    public let pleaseConfirm: String
    /// After a warning: how to keep or change the answer.
    public let keepOrChange: String
    /// Enter on a choice question with nothing chosen.
    public let chooseAnAnswer: String
    /// Enter on a multiple choice with nothing switched on.
    public let chooseAtLeastOne: String
    /// A number beyond the options.
    public let chooseFromOneTo: @Sendable (_ count: Int) -> String
    /// A letter typed on a choice question.
    public let choiceTakesNumbers: @Sendable (_ count: Int) -> String
    /// A missing answer the question does not allow.
    public let notAllowedHere: String
    /// Back from the first question.
    public let firstQuestion: String
    /// After a note is saved.
    public let noteSaved: String
    /// Back with typed text not yet saved.
    public let unsavedTyping: String
    /// The participant code.
    public let participantCode: @Sendable (_ code: String) -> String
    /// "Prefer not to say", "Don't know", ... for a missing answer given or set.
    public let missing: @Sendable (_ kind: MissingKind) -> String
    /// How an identifying answer that was given is shown.
    public let givenPrivately: String
    /// How a sealed answer (given in an earlier sitting) is shown.
    public let sealedAnswer: String
    /// `a`, `a and b`, `a, b and c`.
    public let joinList: @Sendable (_ items: [String]) -> String
    /// "yes" and "no" for a true-or-false value.
    public let yesNo: @Sendable (_ value: Bool) -> String

    // MARK: - Keys, as the footer and the help screen name them

    /// Digits choose.
    public let keyChoose: String
    /// Digits or space switch options on and off.
    public let keyToggle: String
    /// Arrows move.
    public let keyMove: String
    /// Enter confirms a choice.
    public let keyConfirm: String
    /// Enter saves what is typed.
    public let keySave: String
    /// Enter goes on past a note.
    public let keyGoOn: String
    /// Back to the previous question.
    public let keyBack: String
    /// Leave an answer unchanged (at the review).
    public let keyLeaveUnchanged: String
    /// Prefer not to say.
    public let keyRefused: String
    /// Don't know.
    public let keyDontKnow: String
    /// Does not apply.
    public let keyNotApplicable: String
    /// An interviewer note.
    public let keyNote: String
    /// The pause.
    public let keyPause: String
    /// Stop (continue later, stop for good, delete).
    public let keyStop: String
    /// The keys on one screen.
    public let keyHelp: String
    /// Suspend now.
    public let keySuspend: String
    /// Read more of a long screen.
    public let keyScroll: String
    /// Choose in a menu.
    public let keyMenuChoose: String
    /// Cancel a menu.
    public let keyMenuBack: String

    // MARK: - Help

    /// The help screen's title.
    public let helpTitle: String
    /// The help screen's first line.
    public let helpSaved: String
    /// The keys and what they do, one line each: (key, meaning).
    public let helpLines: [(key: String, meaning: String)]
    /// The help screen's footer.
    public let helpFooter: String

    // MARK: - Consent

    /// The status of a consent screen.
    public let consentTitle: String
    /// "Statement 1 of 3: ..."
    public let statementOf: @Sendable (_ index: Int, _ count: Int, _ statement: String) -> String
    /// The item to agree.
    public let agrees: String
    /// The item not to agree.
    public let doesNotAgree: String
    /// The consent screen's keys.
    public let consentFooter: String
    /// The title of the screen that makes sure before ending without consent.
    public let endWithoutConsentTitle: String
    /// What ending without consent means, for the statement not agreed.
    public let endWithoutConsentBody: @Sendable (_ statement: String) -> String
    /// Back to the statement.
    public let backToStatement: String
    /// End the interview without consent.
    public let endNoConsent: String
    /// The status after a statement was not agreed.
    public let noConsentTitle: String
    /// The screen after a statement was not agreed.
    public let noConsentDone: String
    /// Press any key.
    public let pressAnyKey: String

    // MARK: - Welcome back

    /// The status of the first screen of a resumed interview.
    public let welcomeBack: String
    /// Where a resumed interview carries on: how many answers are saved, and the question.
    public let carriesOnAt: @Sendable (_ answered: Int, _ current: Int, _ total: Int) -> String
    /// A resumed interview whose questions are all answered.
    public let carriesOnAtReview: @Sendable (_ answered: Int) -> String
    /// A safeguard was waiting when the interview stopped.
    public let safeguardWaiting: String
    /// Carry on.
    public let keyCarryOn: String

    // MARK: - Pause and stop

    /// The pause screen's title.
    public let pausedTitle: String
    /// The pause screen's status.
    public let pausedStatus: String
    /// Take your time; what is kept.
    public let takeYourTime: String
    /// Take your time, in a preview.
    public let takeYourTimePreview: String
    /// The pause screen's first choice: carry on.
    public let carryOn: String
    /// The pause screen's second choice: skip the rest of the section.
    public let skipSection: String
    /// The pause screen's third choice: stop for good, keeping the answers.
    public let stopKeep: String
    /// The pause screen's fourth choice: stop and delete the answers.
    public let stopDelete: String
    /// The stop menu's title.
    public let stopTitle: String
    /// The stop menu's status.
    public let everythingSaved: String
    /// The stop menu's status in a preview.
    public let nothingSavedPreview: String
    /// Suspend, to continue later.
    public let continueLater: String
    /// "Stop for good: ..."
    public let stopForGood: @Sendable (_ reason: String) -> String
    /// The coded stop reasons.
    public let stopReason: @Sendable (_ reason: StopReason) -> String
    /// The title of the screen that makes sure before deleting.
    public let deleteTitle: String
    /// Its status.
    public let cannotBeUndone: String
    /// What deleting does.
    public let deleteBody: String
    /// Keep the answers.
    public let keepThem: String
    /// Delete them.
    public let deleteThem: String

    // MARK: - Safeguards

    /// The safeguard screen's title.
    public let safeguardTitle: String
    /// The safeguard screen's status.
    public let safeguardStatus: String
    /// The heading above the instrument's support text.
    public let supportHeading: String
    /// The key that acknowledges a safeguard.
    public let keyAcknowledge: String
    /// The acknowledgement key pressed before the end was shown.
    public let readToTheEnd: String

    // MARK: - Notes

    /// The note screen's title.
    public let noteTitle: String
    /// The note screen's status.
    public let noteStatus: String
    /// What must not go in a note.
    public let noteWarning: String
    /// The note field's label.
    public let noteLabel: String
    /// Cancel the note.
    public let keyCancel: String

    // MARK: - Review

    /// The review's title.
    public let reviewTitle: String
    /// The review's status.
    public let reviewStatus: String
    /// How to use the review.
    public let reviewHelp: String
    /// The last line of the review.
    public let finishLine: String
    /// A number typed at the review.
    public let goToAnswer: @Sendable (_ typed: String) -> String
    /// A number beyond the answers.
    public let noSuchAnswer: @Sendable (_ count: Int) -> String
    /// Change the answer under the cursor, or the one typed.
    public let keyChange: String
    /// Finish.
    public let keyFinish: String
    /// The title of the screen that makes sure before finishing.
    public let finishTitle: String
    /// What finishing means.
    public let finishBody: String
    /// Back to the review.
    public let notYet: String
    /// Finish.
    public let yesFinish: String

    // MARK: - Typed answers (both interviewers)

    /// A single choice typed in line mode out of range.
    public let typeNumberFromOneTo: @Sendable (_ count: Int) -> String
    /// A multiple choice typed in line mode.
    public let typeNumbersThatApply: @Sendable (_ count: Int) -> String
    /// A whole number that does not read as one.
    public let typeWholeNumber: String
    /// A number that does not read as one.
    public let typeNumber: String
    /// A date that does not read as one.
    public let typeDate: String
    /// A note's line.
    public let pressEnterToGoOn: String

    // MARK: - The engine's checks

    /// An answer with no question.
    public let noQuestionHere: String
    /// A note or question that allows no missing answer.
    public let needsAnAnswer: String
    /// A missing answer not allowed.
    public let notOneOfTheAllowedAnswers: String
    /// An answer of the wrong kind.
    public let doesNotFit: String
    /// A NUL character in text.
    public let nulCharacter: String
    /// An empty "please say" answer.
    public let typeTheAnswerOrRefuse: String
    /// Text over its length.
    public let keepTo: @Sendable (_ characters: Int) -> String
    /// Text under its length.
    public let typeAtLeast: @Sendable (_ characters: Int) -> String
    /// An empty text answer where one is needed.
    public let typeAnAnswer: String
    /// A code not among the options.
    public let chooseOneOfTheOptions: String
    /// An empty multiple choice.
    public let chooseAtLeastOneOption: String
    /// A code not among the options of a multiple choice.
    public let chooseFromTheOptions: String
    /// An exclusive option chosen with others.
    public let cannotBeChosenWithOthers: @Sendable (_ label: String) -> String
    /// A decimal where a whole number is needed.
    public let giveWholeNumber: String
    /// A whole number beyond what is stored exactly: "Please give a whole number from -N to N."
    public let giveWholeNumberWithin: @Sendable (_ largest: Double) -> String
    /// A number out of range.
    public let giveNumberFromTo: @Sendable (_ low: String, _ high: String) -> String
    /// Too many decimals.
    public let giveAtMostDecimals: @Sendable (_ digits: Int) -> String
    /// A date too early.
    public let dateOnOrAfter: @Sendable (_ day: String) -> String
    /// A date too late.
    public let dateOnOrBefore: @Sendable (_ day: String) -> String
    /// An amendment to something that is not a question.
    public let notAQuestion: @Sendable (_ id: String) -> String

    // MARK: - Line mode

    /// Type the numbers of every answer that applies.
    public let lineMultipleHint: String
    /// Type a date.
    public let lineDateHint: String
    /// "Answer so far: ... (press Enter to keep it)".
    public let lineAnswerSoFar: @Sendable (_ answer: String) -> String
    /// The commands a question allows, listed.
    public let lineOrType: @Sendable (_ commands: [String]) -> String
    /// The commands, for `/help`.
    public let lineHelp: String
    /// Asked at each consent statement.
    public let lineAgree: String
    /// Words that mean yes, lower case (the first is shown in prompts).
    public let yesWords: [String]
    /// Words that mean no, lower case.
    public let noWords: [String]
    /// Keep an answer after a warning?
    public let lineKeepAnswer: String
    /// The note prompt.
    public let lineNotePrompt: String
    /// The heading of a safeguard in line mode.
    public let lineSafeguard: String
    /// How to acknowledge a safeguard in line mode.
    public let lineTypeOk: String
    /// A choice from 1 to n.
    public let lineChoose: @Sendable (_ count: Int) -> String
    /// Back to the question (the stop menu's 0).
    public let lineBackToQuestion: String
    /// How to use the review in line mode.
    public let lineReviewHelp: String
    /// A typed number beyond the review.
    public let lineReviewSlip: @Sendable (_ count: Int) -> String
    /// Enter on an answer at the review.
    public let keptAsItWas: String
    /// An answer at the review that was not understood.
    public let notUnderstood: String
    /// How to finish in line mode: type this word.
    public let lineFinishWord: String

    // MARK: - Endings, as the command reports them

    /// The last screen and line of a completed interview.
    public let interviewComplete: String
    /// Stopped, answers kept.
    public let stoppedKept: String
    /// Stopped, answers deleted.
    public let stoppedDeleted: String
    /// The command's last words: completed and saved (code, database).
    public let reportCompleted: @Sendable (_ code: String, _ database: String) -> String
    /// Suspended, and the command that carries on (code, the command).
    public let reportSuspended: @Sendable (_ code: String, _ command: String) -> String
    /// Stopped for good with a coded reason (code, reason code).
    public let reportStopped: @Sendable (_ code: String, _ reason: String) -> String
    /// Stopped and deleted.
    public let reportDiscarded: @Sendable (_ code: String) -> String
    /// Ended without consent.
    public let reportNoConsent: @Sendable (_ code: String) -> String
    /// A preview's end.
    public let previewFinished: String

    /// The words for an interview's language: Welsh for `cy`, English otherwise.
    /// - Parameter language: A language code from the instrument.
    /// - Returns: The table of words.
    public static func forLanguage(_ language: String) -> InterviewerWords {
        switch language {
        case "cy": return welsh
        default: return english
        }
    }

    /// The languages that have a table of their own (others are shown in English).
    public static let languages = ["en", "cy"]
}
