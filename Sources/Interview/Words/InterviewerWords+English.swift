import Instrument

extension InterviewerWords {
    /// The program's words in English: the default, and the reference a translation follows.
    public static let english = InterviewerWords(
        previewBanner: "PREVIEW: nothing is saved",
        questionOf: { "Question \($0) of about \($1)" },
        readThisOut: "Read this out",
        changingAtReview: "Changing an answer at the review",
        openedByChange: "A question the change has opened",
        interviewerLabel: "Interviewer",
        specifyInstruction: "Type what they say, in their own words.",
        answerLabel: "Answer",
        dateLabel: "Date (day/month/year)",
        longAnswerLabel: "Answer (it wraps; Enter saves)",
        typingReplaces: "Typing replaces the answer so far.",
        answerSoFar: { "Answer so far: \($0). Enter keeps it." },
        answerSoFarPrivate: { "Answer so far: \($0). Enter keeps it; type to replace it." },
        notAccepted: "Not accepted",
        pleaseConfirm: "Please confirm",
        keepOrChange: "Press Enter again to keep this answer, or change it.",
        chooseAnAnswer: "Choose an answer: type its number, or move to it with ↑↓.",
        chooseAtLeastOne: "Choose at least one: type its number or press space on it, then Enter.",
        chooseFromOneTo: { "Choose a number from 1 to \($0)." },
        choiceTakesNumbers: { "Answer with a number from 1 to \($0), or ↑↓ and Enter. Ctrl-G shows every key." },
        notAllowedHere: "That is not an answer this question allows.",
        firstQuestion: "This is the first question.",
        noteSaved: "Note saved.",
        unsavedTyping: "What you typed is not saved. Enter saves it; Ctrl-B again goes back without it.",
        participantCode: { "Participant code: \($0)" },
        missing: { kind in
            switch kind {
            case .refused: return "Prefer not to say"
            case .dontKnow: return "Don't know"
            case .notApplicable: return "Does not apply"
            case .notReached: return "Not reached"
            case .notInVersion: return "Not in this version"
            }
        },
        givenPrivately: "given (kept private)",
        sealedAnswer: "sealed (given earlier, kept private)",
        joinList: { items in
            switch items.count {
            case 0: return ""
            case 1: return items[0]
            default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
            }
        },
        yesNo: { $0 ? "yes" : "no" },
        keyChoose: "digits choose",
        keyToggle: "digits/space switch on or off",
        keyMove: "↑↓ move",
        keyConfirm: "Enter confirm",
        keySave: "Enter save",
        keyGoOn: "Enter go on",
        keyBack: "Ctrl-B back",
        keyLeaveUnchanged: "Esc leave unchanged",
        keyRefused: "Ctrl-R prefer not to say",
        keyDontKnow: "Ctrl-K don't know",
        keyNotApplicable: "Ctrl-X does not apply",
        keyNote: "Ctrl-N note",
        keyPause: "Ctrl-P pause",
        keyStop: "Ctrl-E stop",
        keyHelp: "Ctrl-G keys",
        keySuspend: "Ctrl-C suspend",
        keyScroll: "↑↓ PgUp PgDn read more",
        keyMenuChoose: "digits or ↑↓ choose   Enter confirm",
        keyMenuBack: "Esc go back",
        helpTitle: "Keys",
        helpSaved: "Every answer is saved the moment it is confirmed. Nothing is lost if the laptop dies.",
        helpLines: [
            ("typing", "goes straight into a text, number or date answer"),
            ("1 2 3", "choose the option with that number (in a list: switch it on or off)"),
            ("↑ ↓", "move between options; space chooses or switches the one under ›"),
            ("Enter", "confirm the answer and go on"),
            ("Backspace", "delete a character; Ctrl-W a word; Ctrl-U all that is typed"),
            ("Ctrl-B", "back to the previous question (Shift-Tab too)"),
            ("Ctrl-R", "prefer not to say"),
            ("Ctrl-K", "don't know"),
            ("Ctrl-X", "does not apply (only where the question allows it)"),
            ("Ctrl-N", "a note for the research team (no names or contact details)"),
            ("Ctrl-P", "pause, at any moment: support information, then carry on or stop"),
            ("Ctrl-E", "stop: continue later, stop for good, or delete the answers"),
            ("Ctrl-G", "these keys (F1 too)"),
            ("Ctrl-C", "suspend now; `peersurvey resume` carries on later"),
        ],
        helpFooter: "Press any key to go back.",
        consentTitle: "Consent",
        statementOf: { "Statement \($0) of \($1): \($2)" },
        agrees: "The participant agrees",
        doesNotAgree: "The participant does not agree",
        consentFooter: "y agrees   n does not agree   Ctrl-P pause   Ctrl-C stop for now",
        endWithoutConsentTitle: "End the interview?",
        endWithoutConsentBody: {
            "The participant does not agree to: \"\($0)\". If that is right, the interview ends here and no answers are kept."
        },
        backToStatement: "Go back to the statement",
        endNoConsent: "End the interview: they do not agree",
        noConsentTitle: "No consent",
        noConsentDone:
            "The participant did not agree, so the interview ends here. No answers are kept. Thank them for their time.",
        pressAnyKey: "Press any key to close.",
        welcomeBack: "Welcome back",
        carriesOnAt: { answered, current, total in
            "This interview was suspended with \(answered) answer\(answered == 1 ? "" : "s") saved. It carries on at question \(current) of about \(total)."
        },
        carriesOnAtReview: { answered in
            "This interview was suspended with \(answered) answer\(answered == 1 ? "" : "s") saved. Every question is answered: it carries on at the review."
        },
        safeguardWaiting: "A safeguard was on the screen when the interview stopped. It is shown again first.",
        keyCarryOn: "Enter carry on",
        pausedTitle: "Paused",
        pausedStatus: "The interview is paused",
        takeYourTime: "Take as long as you need. Everything answered so far is saved.",
        takeYourTimePreview: "Take as long as you need. This is a preview: nothing is saved.",
        carryOn: "Carry on with the interview",
        skipSection: "Skip the rest of this section",
        stopKeep: "Stop, and keep the answers so far",
        stopDelete: "Stop, and delete the answers",
        stopTitle: "Stop the interview?",
        everythingSaved: "Every answer given so far is saved",
        nothingSavedPreview: "This is a preview: nothing is saved",
        continueLater: "Continue later (suspend; `peersurvey resume` carries on)",
        stopForGood: { "Stop for good: \($0)" },
        stopReason: { reason in
            switch reason {
            case .participantStopped: return "The participant chose to stop"
            case .distress: return "The participant was distressed"
            case .interrupted: return "Interrupted, cannot continue"
            case .interviewerEnded: return "I (the interviewer) ended it"
            }
        },
        deleteTitle: "Delete the answers?",
        cannotBeUndone: "This cannot be undone",
        deleteBody: "Every answer of this interview will be deleted. Do this only if the participant asks.",
        keepThem: "No, keep them",
        deleteThem: "Yes, delete every answer",
        safeguardTitle: "Safeguard: for you, the interviewer",
        safeguardStatus: "Do this now, before the next question",
        supportHeading: "Support you can offer them:",
        keyAcknowledge: "a  I have done this: go on",
        readToTheEnd: "Please read to the end first (↓ or PgDn), then press a.",
        noteTitle: "Interviewer note",
        noteStatus: "For the research team",
        noteWarning: "Do not write names, contact details or anything else that identifies someone.",
        noteLabel: "Note",
        keyCancel: "Esc cancel",
        reviewTitle: "Review",
        reviewStatus: "Read the answers back with the participant",
        reviewHelp: "Move to an answer, or type its number, and press Enter to change it. Ctrl-F when they are right.",
        finishLine: "Finish: the answers are right",
        goToAnswer: { "Go to answer: \($0)" },
        noSuchAnswer: { "There is no answer with that number: type one from 1 to \($0)." },
        keyChange: "Enter change",
        keyFinish: "Ctrl-F finish",
        finishTitle: "Finish the interview?",
        finishBody: "The interview is marked complete with the answers as they are. They cannot be changed after this.",
        notYet: "Not yet: back to the review",
        yesFinish: "Yes, finish: the answers are right",
        typeNumberFromOneTo: { "Type a number from 1 to \($0)." },
        typeNumbersThatApply: { "Type the numbers of every answer that applies, such as 1 3 (from 1 to \($0))." },
        typeWholeNumber: "Type a whole number, such as 12.",
        typeNumber: "Type a number, such as 2.5.",
        typeDate: "Type a date as day/month/year, such as 23/11/2026, or 2026-11-23.",
        pressEnterToGoOn: "Press Enter to go on.",
        noQuestionHere: "There is no question to answer here.",
        needsAnAnswer: "This question needs an answer.",
        notOneOfTheAllowedAnswers: "That is not one of the answers this question allows.",
        doesNotFit: "That kind of answer does not fit this question.",
        nulCharacter: "The answer contains a NUL character (U+0000), which cannot be stored. Please type it again.",
        typeTheAnswerOrRefuse: "Please type the answer, or choose prefer not to say.",
        keepTo: { "Please keep the answer to \($0) characters." },
        typeAtLeast: { "Please type at least \($0) characters." },
        typeAnAnswer: "Please type an answer.",
        chooseOneOfTheOptions: "Please choose one of the options.",
        chooseAtLeastOneOption: "Please choose at least one option.",
        chooseFromTheOptions: "Please choose from the options.",
        cannotBeChosenWithOthers: { "\"\($0)\" cannot be chosen with other answers." },
        giveWholeNumber: "Please give a whole number.",
        giveWholeNumberWithin: { "Please give a whole number from -\(Int64($0)) to \(Int64($0))." },
        giveNumberFromTo: { "Please give a number from \($0) to \($1)." },
        giveAtMostDecimals: {
            $0 == 0
                ? "Please give a whole number."
                : "Please give at most \($0) digit\($0 == 1 ? "" : "s") after the point."
        },
        dateOnOrAfter: { "Please give a date on or after \($0)." },
        dateOnOrBefore: { "Please give a date on or before \($0)." },
        notAQuestion: { "`\($0)` is not a question of this interview." },
        lineMultipleHint: "Type the numbers of every answer that applies, such as 1 3.",
        lineDateHint: "Type a date as day/month/year.",
        lineAnswerSoFar: { "Answer so far: \($0) (press Enter to keep it)" },
        lineOrType: { "Or type: \($0.joined(separator: ", ")). Type /help for the commands." },
        lineHelp: """
            Commands start with /: /back (previous question), /refuse (prefer not to say), \
            /dontknow, /na (does not apply, when allowed), /note (a note for the research team), \
            /pause (the participant needs a break, or is upset), /stop (end the interview), /help. \
            Where an answer is a number, a date or a choice, the word alone works too (back, refuse, \
            pause); on a text question only the / form does, so the participant's words are kept \
            as typed. Every answer is saved as soon as it is given. The end of input suspends the \
            interview.
            """,
        lineAgree: "Does the participant agree? (yes or no)",
        yesWords: ["yes", "y"],
        noWords: ["no", "n"],
        lineKeepAnswer: "Keep this answer? (yes to keep it, no to change it)",
        lineNotePrompt: "Note (one line; do not write names or contact details): ",
        lineSafeguard: "SAFEGUARD, for you, the interviewer. Do this now, before the next question:",
        lineTypeOk: "Type ok when you have done this (or /pause): ",
        lineChoose: { "Choose 1 to \($0): " },
        lineBackToQuestion: "Go back to the question",
        lineReviewHelp: "Read the answers back with the participant. Type a number to change one, or done to finish.",
        lineReviewSlip: { "Type a number from 1 to \($0) to change that answer, or done to finish." },
        keptAsItWas: "Kept as it was.",
        notUnderstood: "That answer was not understood; nothing changed.",
        lineFinishWord: "done",
        interviewComplete: "The interview is complete. Thank you.",
        stoppedKept: "The interview has stopped; the answers so far are kept.",
        stoppedDeleted: "The interview has stopped and its answers are deleted.",
        reportCompleted: { "Interview \($0) is complete and saved in \($1)." },
        reportSuspended: { "Interview \($0) is suspended; every answer given is saved. Continue with:\n  \($1)" },
        reportStopped: { "Interview \($0) was stopped (\($1)); the answers so far are saved." },
        reportDiscarded: { "Interview \($0) was stopped and its answers deleted." },
        reportNoConsent: { "Interview \($0) ended without consent; no answers were kept." },
        previewFinished: "Preview finished; nothing was saved."
    )
}
