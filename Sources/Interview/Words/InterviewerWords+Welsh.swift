import Instrument

extension InterviewerWords {
    /// The program's words in Welsh (Cymraeg), for interviews run with `--language cy`.
    public static let welsh = InterviewerWords(
        previewBanner: "RHAGOLWG: does dim yn cael ei gadw",
        questionOf: { "Cwestiwn \($0) o tua \($1)" },
        readThisOut: "Darllenwch hwn yn uchel",
        changingAtReview: "Newid ateb yn yr adolygiad",
        openedByChange: "Cwestiwn a agorwyd gan y newid",
        interviewerLabel: "Cyfwelydd",
        specifyInstruction: "Teipiwch beth maen nhw'n ei ddweud, yn eu geiriau eu hunain.",
        answerLabel: "Ateb",
        dateLabel: "Dyddiad (diwrnod/mis/blwyddyn)",
        longAnswerLabel: "Ateb (mae'n lapio; Enter i gadw)",
        typingReplaces: "Mae teipio'n disodli'r ateb hyd yma.",
        answerSoFar: { "Ateb hyd yma: \($0). Mae Enter yn ei gadw." },
        answerSoFarPrivate: { "Ateb hyd yma: \($0). Mae Enter yn ei gadw; teipiwch i'w newid." },
        notAccepted: "Heb ei dderbyn",
        pleaseConfirm: "Cadarnhewch",
        keepOrChange: "Pwyswch Enter eto i gadw'r ateb hwn, neu newidiwch ef.",
        chooseAnAnswer: "Dewiswch ateb: teipiwch ei rif, neu symudwch ato gyda ↑↓.",
        chooseAtLeastOne: "Dewiswch o leiaf un: teipiwch ei rif neu pwyswch y bylchwr arno, yna Enter.",
        chooseFromOneTo: { "Dewiswch rif o 1 i \($0)." },
        choiceTakesNumbers: { "Atebwch gyda rhif o 1 i \($0), neu ↑↓ ac Enter. Mae Ctrl-G yn dangos pob allwedd." },
        notAllowedHere: "Nid yw'r cwestiwn hwn yn caniatáu'r ateb hwnnw.",
        firstQuestion: "Dyma'r cwestiwn cyntaf.",
        noteSaved: "Nodyn wedi'i gadw.",
        unsavedTyping: "Nid yw'r hyn a deipiwyd wedi'i gadw. Mae Enter yn ei gadw; mae Ctrl-B eto'n mynd yn ôl hebddo.",
        participantCode: { "Cod y cyfranogwr: \($0)" },
        missing: { kind in
            switch kind {
            case .refused: return "Gwell gen i beidio â dweud"
            case .dontKnow: return "Ddim yn gwybod"
            case .notApplicable: return "Ddim yn berthnasol"
            case .notReached: return "Heb ei gyrraedd"
            case .notInVersion: return "Ddim yn y fersiwn hon"
            }
        },
        givenPrivately: "wedi'i roi (yn breifat)",
        sealedAnswer: "wedi'i selio (a roddwyd yn gynharach, yn breifat)",
        joinList: { items in
            switch items.count {
            case 0: return ""
            case 1: return items[0]
            default:
                // "a" before a consonant, "ac" before a vowel: "te, coffi a dŵr", "te ac afalau".
                let last = items[items.count - 1]
                let vowel = last.lowercased().first.map { "aeiouwyâêîôûŵŷ".contains($0) } ?? false
                return items.dropLast().joined(separator: ", ") + (vowel ? " ac " : " a ") + last
            }
        },
        yesNo: { $0 ? "ie" : "na" },
        keyChoose: "digidau i ddewis",
        keyToggle: "digidau/bylchwr ymlaen neu i ffwrdd",
        keyMove: "↑↓ symud",
        keyConfirm: "Enter cadarnhau",
        keySave: "Enter cadw",
        keyGoOn: "Enter ymlaen",
        keyBack: "Ctrl-B yn ôl",
        keyLeaveUnchanged: "Esc gadael heb newid",
        keyRefused: "Ctrl-R gwell peidio â dweud",
        keyDontKnow: "Ctrl-K ddim yn gwybod",
        keyNotApplicable: "Ctrl-X ddim yn berthnasol",
        keyNote: "Ctrl-N nodyn",
        keyPause: "Ctrl-P oedi",
        keyStop: "Ctrl-E stopio",
        keyHelp: "Ctrl-G allweddi",
        keySuspend: "Ctrl-C atal dros dro",
        keyScroll: "↑↓ PgUp PgDn darllen mwy",
        keyMenuChoose: "digidau neu ↑↓ i ddewis   Enter cadarnhau",
        keyMenuBack: "Esc mynd yn ôl",
        helpTitle: "Allweddi",
        helpSaved:
            "Mae pob ateb yn cael ei gadw cyn gynted ag y caiff ei gadarnhau. Does dim yn cael ei golli os bydd y gliniadur yn diffodd.",
        helpLines: [
            ("teipio", "yn mynd yn syth i ateb testun, rhif neu ddyddiad"),
            ("1 2 3", "dewis yr opsiwn â'r rhif hwnnw (mewn rhestr: ei droi ymlaen neu i ffwrdd)"),
            ("↑ ↓", "symud rhwng opsiynau; mae'r bylchwr yn dewis yr un o dan ›"),
            ("Enter", "cadarnhau'r ateb a mynd ymlaen"),
            ("Backspace", "dileu nod; Ctrl-W gair; Ctrl-U y cyfan a deipiwyd"),
            ("Ctrl-B", "yn ôl i'r cwestiwn blaenorol (Shift-Tab hefyd)"),
            ("Ctrl-R", "gwell gen i beidio â dweud"),
            ("Ctrl-K", "ddim yn gwybod"),
            ("Ctrl-X", "ddim yn berthnasol (dim ond lle mae'r cwestiwn yn ei ganiatáu)"),
            ("Ctrl-N", "nodyn i'r tîm ymchwil (dim enwau na manylion cyswllt)"),
            ("Ctrl-P", "oedi, ar unrhyw adeg: gwybodaeth cymorth, yna parhau neu stopio"),
            ("Ctrl-E", "stopio: parhau wedyn, stopio am byth, neu ddileu'r atebion"),
            ("Ctrl-G", "yr allweddi hyn (F1 hefyd)"),
            ("Ctrl-C", "atal dros dro nawr; mae `peersurvey resume` yn parhau wedyn"),
        ],
        helpFooter: "Pwyswch unrhyw allwedd i fynd yn ôl.",
        consentTitle: "Caniatâd",
        statementOf: { "Datganiad \($0) o \($1): \($2)" },
        agrees: "Mae'r cyfranogwr yn cytuno",
        doesNotAgree: "Nid yw'r cyfranogwr yn cytuno",
        consentFooter: "y cytuno   n ddim yn cytuno   Ctrl-P oedi   Ctrl-C stopio am y tro",
        endWithoutConsentTitle: "Gorffen y cyfweliad?",
        endWithoutConsentBody: {
            "Nid yw'r cyfranogwr yn cytuno â: \"\($0)\". Os yw hynny'n gywir, mae'r cyfweliad yn gorffen yma ac ni chedwir unrhyw atebion."
        },
        backToStatement: "Mynd yn ôl at y datganiad",
        endNoConsent: "Gorffen y cyfweliad: nid ydyn nhw'n cytuno",
        noConsentTitle: "Dim caniatâd",
        noConsentDone:
            "Nid oedd y cyfranogwr yn cytuno, felly mae'r cyfweliad yn gorffen yma. Ni chedwir unrhyw atebion. Diolchwch iddyn nhw am eu hamser.",
        pressAnyKey: "Pwyswch unrhyw allwedd i gau.",
        welcomeBack: "Croeso'n ôl",
        carriesOnAt: { answered, current, total in
            "Cafodd y cyfweliad hwn ei atal dros dro gyda \(answered) ateb wedi'u cadw. Mae'n parhau wrth gwestiwn \(current) o tua \(total)."
        },
        carriesOnAtReview: { answered in
            "Cafodd y cyfweliad hwn ei atal dros dro gyda \(answered) ateb wedi'u cadw. Mae pob cwestiwn wedi'i ateb: mae'n parhau yn yr adolygiad."
        },
        safeguardWaiting: "Roedd mesur diogelu ar y sgrin pan stopiodd y cyfweliad. Caiff ei ddangos eto yn gyntaf.",
        keyCarryOn: "Enter parhau",
        pausedTitle: "Wedi oedi",
        pausedStatus: "Mae'r cyfweliad wedi'i oedi",
        takeYourTime: "Cymerwch gymaint o amser ag sydd ei angen. Mae popeth a atebwyd hyd yma wedi'i gadw.",
        takeYourTimePreview: "Cymerwch gymaint o amser ag sydd ei angen. Rhagolwg yw hwn: does dim yn cael ei gadw.",
        carryOn: "Parhau â'r cyfweliad",
        skipSection: "Hepgor gweddill yr adran hon",
        stopKeep: "Stopio, a chadw'r atebion hyd yma",
        stopDelete: "Stopio, a dileu'r atebion",
        stopTitle: "Stopio'r cyfweliad?",
        everythingSaved: "Mae pob ateb a roddwyd hyd yma wedi'i gadw",
        nothingSavedPreview: "Rhagolwg yw hwn: does dim yn cael ei gadw",
        continueLater: "Parhau wedyn (atal dros dro; mae `peersurvey resume` yn parhau)",
        stopForGood: { "Stopio am byth: \($0)" },
        stopReason: { reason in
            switch reason {
            case .participantStopped: return "Dewisodd y cyfranogwr stopio"
            case .distress: return "Roedd y cyfranogwr mewn trallod"
            case .interrupted: return "Tarfwyd arno, ni all barhau"
            case .interviewerEnded: return "Fi (y cyfwelydd) a'i gorffennodd"
            }
        },
        deleteTitle: "Dileu'r atebion?",
        cannotBeUndone: "Ni ellir dadwneud hyn",
        deleteBody:
            "Bydd pob ateb yn y cyfweliad hwn yn cael ei ddileu. Gwnewch hyn dim ond os bydd y cyfranogwr yn gofyn.",
        keepThem: "Na, eu cadw",
        deleteThem: "Ie, dileu pob ateb",
        safeguardTitle: "Diogelu: i chi, y cyfwelydd",
        safeguardStatus: "Gwnewch hyn nawr, cyn y cwestiwn nesaf",
        supportHeading: "Cymorth y gallwch ei gynnig iddyn nhw:",
        keyAcknowledge: "a  Rwyf wedi gwneud hyn: ymlaen",
        readToTheEnd: "Darllenwch hyd at y diwedd yn gyntaf (↓ neu PgDn), yna pwyswch a.",
        noteTitle: "Nodyn y cyfwelydd",
        noteStatus: "I'r tîm ymchwil",
        noteWarning: "Peidiwch ag ysgrifennu enwau, manylion cyswllt nac unrhyw beth arall sy'n dangos pwy yw rhywun.",
        noteLabel: "Nodyn",
        keyCancel: "Esc canslo",
        reviewTitle: "Adolygu",
        reviewStatus: "Darllenwch yr atebion yn ôl gyda'r cyfranogwr",
        reviewHelp: "Symudwch at ateb, neu teipiwch ei rif, a phwyswch Enter i'w newid. Ctrl-F pan fyddan nhw'n gywir.",
        finishLine: "Gorffen: mae'r atebion yn gywir",
        goToAnswer: { "Mynd at ateb: \($0)" },
        noSuchAnswer: { "Does dim ateb gyda'r rhif hwnnw: teipiwch un o 1 i \($0)." },
        keyChange: "Enter newid",
        keyFinish: "Ctrl-F gorffen",
        finishTitle: "Gorffen y cyfweliad?",
        finishBody: "Caiff y cyfweliad ei nodi'n gyflawn gyda'r atebion fel y maen nhw. Ni ellir eu newid ar ôl hyn.",
        notYet: "Ddim eto: yn ôl i'r adolygiad",
        yesFinish: "Ie, gorffen: mae'r atebion yn gywir",
        typeNumberFromOneTo: { "Teipiwch rif o 1 i \($0)." },
        typeNumbersThatApply: { "Teipiwch rifau pob ateb sy'n berthnasol, fel 1 3 (o 1 i \($0))." },
        typeWholeNumber: "Teipiwch rif cyfan, fel 12.",
        typeNumber: "Teipiwch rif, fel 2.5.",
        typeDate: "Teipiwch ddyddiad fel diwrnod/mis/blwyddyn, fel 23/11/2026, neu 2026-11-23.",
        pressEnterToGoOn: "Pwyswch Enter i fynd ymlaen.",
        noQuestionHere: "Does dim cwestiwn i'w ateb yma.",
        needsAnAnswer: "Mae angen ateb i'r cwestiwn hwn.",
        notOneOfTheAllowedAnswers: "Nid yw hwnnw'n un o'r atebion y mae'r cwestiwn hwn yn eu caniatáu.",
        doesNotFit: "Nid yw'r math hwnnw o ateb yn addas i'r cwestiwn hwn.",
        nulCharacter: "Mae'r ateb yn cynnwys nod NUL (U+0000), na ellir ei gadw. Teipiwch ef eto.",
        typeTheAnswerOrRefuse: "Teipiwch yr ateb, neu dewiswch gwell gen i beidio â dweud.",
        keepTo: { "Cadwch yr ateb i \($0) nod." },
        typeAtLeast: { "Teipiwch o leiaf \($0) nod." },
        typeAnAnswer: "Teipiwch ateb.",
        chooseOneOfTheOptions: "Dewiswch un o'r opsiynau.",
        chooseAtLeastOneOption: "Dewiswch o leiaf un opsiwn.",
        chooseFromTheOptions: "Dewiswch o'r opsiynau.",
        cannotBeChosenWithOthers: { "Ni ellir dewis \"\($0)\" gydag atebion eraill." },
        giveWholeNumber: "Rhowch rif cyfan.",
        giveWholeNumberWithin: { "Rhowch rif cyfan rhwng -\(Int64($0)) a \(Int64($0))." },
        giveNumberFromTo: { "Rhowch rif o \($0) i \($1)." },
        giveAtMostDecimals: { $0 == 0 ? "Rhowch rif cyfan." : "Rhowch \($0) digid ar y mwyaf ar ôl y pwynt degol." },
        dateOnOrAfter: { "Rhowch ddyddiad ar neu ar ôl \($0)." },
        dateOnOrBefore: { "Rhowch ddyddiad ar neu cyn \($0)." },
        notAQuestion: { "Nid yw `\($0)` yn un o gwestiynau'r cyfweliad hwn." },
        lineMultipleHint: "Teipiwch rifau pob ateb sy'n berthnasol, fel 1 3.",
        lineDateHint: "Teipiwch ddyddiad fel diwrnod/mis/blwyddyn.",
        lineAnswerSoFar: { "Ateb hyd yma: \($0) (pwyswch Enter i'w gadw)" },
        lineOrType: { "Neu teipiwch: \($0.joined(separator: ", ")). Teipiwch /help i weld y gorchmynion." },
        lineHelp: """
            Mae gorchmynion yn dechrau â /: /back (y cwestiwn blaenorol), /refuse (gwell gen i \
            beidio â dweud), /dontknow (ddim yn gwybod), /na (ddim yn berthnasol, lle caniateir), \
            /note (nodyn i'r tîm ymchwil), /pause (mae angen seibiant ar y cyfranogwr, neu mae'n \
            ofidus), /stop (gorffen y cyfweliad), /help. Lle mae ateb yn rhif, dyddiad neu ddewis, \
            mae'r gair ar ei ben ei hun yn gweithio hefyd (back, refuse, pause); ar gwestiwn testun \
            dim ond y ffurf / sy'n gweithio, felly caiff geiriau'r cyfranogwr eu cadw fel y'u \
            teipiwyd. Caiff pob ateb ei gadw cyn gynted ag y caiff ei roi. Mae diwedd y mewnbwn yn \
            atal y cyfweliad dros dro.
            """,
        lineAgree: "Ydy'r cyfranogwr yn cytuno? (ie neu na)",
        yesWords: ["ie", "ydy", "yes", "y"],
        noWords: ["na", "nac ydy", "no", "n"],
        lineKeepAnswer: "Cadw'r ateb hwn? (ie i'w gadw, na i'w newid)",
        lineNotePrompt: "Nodyn (un llinell; peidiwch ag ysgrifennu enwau na manylion cyswllt): ",
        lineSafeguard: "DIOGELU, i chi, y cyfwelydd. Gwnewch hyn nawr, cyn y cwestiwn nesaf:",
        lineTypeOk: "Teipiwch ok pan fyddwch wedi gwneud hyn (neu /pause): ",
        lineChoose: { "Dewiswch 1 i \($0): " },
        lineBackToQuestion: "Mynd yn ôl i'r cwestiwn",
        lineReviewHelp: "Darllenwch yr atebion yn ôl gyda'r cyfranogwr. Teipiwch rif i newid un, neu done i orffen.",
        lineReviewSlip: { "Teipiwch rif o 1 i \($0) i newid yr ateb hwnnw, neu done i orffen." },
        keptAsItWas: "Wedi'i gadw fel yr oedd.",
        notUnderstood: "Ni ddeallwyd yr ateb hwnnw; does dim wedi newid.",
        lineFinishWord: "done",
        interviewComplete: "Mae'r cyfweliad wedi'i gwblhau. Diolch.",
        stoppedKept: "Mae'r cyfweliad wedi stopio; mae'r atebion hyd yma wedi'u cadw.",
        stoppedDeleted: "Mae'r cyfweliad wedi stopio ac mae ei atebion wedi'u dileu.",
        reportCompleted: { "Mae cyfweliad \($0) wedi'i gwblhau a'i gadw yn \($1)." },
        reportSuspended: {
            "Mae cyfweliad \($0) wedi'i atal dros dro; mae pob ateb a roddwyd wedi'i gadw. Parhewch gyda:\n  \($1)"
        },
        reportStopped: { "Cafodd cyfweliad \($0) ei stopio (\($1)); mae'r atebion hyd yma wedi'u cadw." },
        reportDiscarded: { "Cafodd cyfweliad \($0) ei stopio a'i atebion eu dileu." },
        reportNoConsent: { "Daeth cyfweliad \($0) i ben heb ganiatâd; ni chadwyd unrhyw atebion." },
        previewFinished: "Rhagolwg wedi gorffen; ni chadwyd dim."
    )
}
