/// What one screen shows, before it is laid out: the full-screen interviewer builds a frame for
/// every state (consent, a question, a menu, a safeguard, the review), and ``ScreenRenderer``
/// lays it out for the terminal's size. Every text in a frame is already safe (see ``SafeText``).
package struct Frame: Equatable, Sendable {
    /// A paragraph of the body.
    package enum Block: Equatable, Sendable {
        /// Words read out or shown.
        case text(String)
        /// Emphasised words (a question's wording).
        case strong(String)
        /// Instructions only the interviewer sees: a distinct style. The text is shown as given
        /// (the caller adds the "[Interviewer: ...]" brackets in the interview's language).
        case instruction(String)
        /// Extra words in a quieter style (hints, "answer so far").
        case quiet(String)
        /// A typing field: its label, what is typed, whether typing goes into it now, and how
        /// many rows it has (1 for a short answer; more for a long one, which wraps).
        case field(label: String, text: String, active: Bool, rows: Int)
        /// An empty line.
        case gap
    }

    /// One entry of a list: an option, a menu item, a numbered step, an answer at the review.
    /// Long entries wrap onto more rows, indented under their first; nothing is cut.
    package struct Item: Equatable, Sendable {
        /// How an entry looks.
        package enum Look: Equatable, Sendable {
            /// An entry that can be chosen.
            case normal
            /// A heading between entries (a grid's shared wording at the review).
            case heading
            /// Plain words in the list (the support text under a safeguard's steps).
            case plain
        }

        /// What is typed to choose it ("1", "2", ...), shown before the text.
        package var key: String
        /// A mark such as "(•)", "( )", "[x]", "[ ]", or empty.
        package var mark: String
        /// The words; a newline starts a new row.
        package var text: String
        /// How it looks.
        package var look: Look

        /// An item.
        package init(key: String, mark: String = "", text: String, look: Look = .normal) {
            self.key = key
            self.mark = mark
            self.text = text
            self.look = look
        }
    }

    /// A message under the answer.
    package enum Message: Equatable, Sendable {
        /// A hard check: the answer cannot be kept (red on a colour terminal).
        case error(String)
        /// A soft warning: confirm or change (yellow on a colour terminal).
        case warning(String)
        /// Information ("Note saved.").
        case info(String)
    }

    /// A banner on the first row before the title (`peersurvey preview` says nothing is saved).
    package var banner: String?
    /// The top line: the section or screen title.
    package var title: String
    /// The second line: progress ("Question 7 of about 24") or a subtitle; nil for none.
    package var status: String?
    /// Progress as a fraction for the bar beside the status, when there is one.
    package var progress: Double?
    /// The body.
    package var body: [Block]
    /// The list.
    package var items: [Item]
    /// Which item the cursor is on; the list scrolls to keep it in view.
    package var cursor: Int?
    /// Without a cursor, how many rows of the list are scrolled past (for reading a long list).
    package var scroll: Int
    /// Messages.
    package var messages: [Message]
    /// The keys that work here, at the bottom, separated by three spaces.
    package var footer: String

    /// A frame.
    package init(
        banner: String? = nil, title: String, status: String? = nil, progress: Double? = nil, body: [Block] = [],
        items: [Item] = [], cursor: Int? = nil, scroll: Int = 0, messages: [Message] = [], footer: String
    ) {
        self.banner = banner
        self.title = title
        self.status = status
        self.progress = progress
        self.body = body
        self.items = items
        self.cursor = cursor
        self.scroll = scroll
        self.messages = messages
        self.footer = footer
    }
}
