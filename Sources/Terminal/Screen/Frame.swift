/// What one screen shows, before it is laid out: the full-screen interviewer builds a frame for
/// every state (consent, a question, a menu, the review), and ``ScreenRenderer`` lays it out for
/// the terminal's size. Every text in a frame is already safe (see ``SafeText``).
package struct Frame: Equatable, Sendable {
    /// A paragraph of the body.
    package enum Block: Equatable, Sendable {
        /// Words read out or shown.
        case text(String)
        /// Emphasised words (a question's wording).
        case strong(String)
        /// Instructions only the interviewer sees: a distinct style.
        case instruction(String)
        /// Extra words in a quieter style (hints, "answer so far").
        case quiet(String)
        /// A typing field: its label, what is typed, and whether typing goes into it now.
        case field(label: String, text: String, active: Bool)
        /// An empty line.
        case gap
    }

    /// One line of a list: an option, a menu item, an answer at the review.
    package struct Item: Equatable, Sendable {
        /// What is typed to choose it ("1", "2", ...), shown before the text.
        package var key: String
        /// A mark such as "(•)", "( )", "[x]", "[ ]", or empty.
        package var mark: String
        /// The words.
        package var text: String

        /// An item.
        package init(key: String, mark: String = "", text: String) {
            self.key = key
            self.mark = mark
            self.text = text
        }
    }

    /// A message under the answer.
    package enum Message: Equatable, Sendable {
        /// A hard check: the answer cannot be kept.
        case error(String)
        /// A soft warning: confirm or change.
        case warning(String)
        /// Information ("Note saved.").
        case info(String)
    }

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
    /// Which item the cursor is on.
    package var cursor: Int?
    /// Messages.
    package var messages: [Message]
    /// The keys that work here, at the bottom.
    package var footer: String

    /// A frame.
    package init(
        title: String, status: String? = nil, progress: Double? = nil, body: [Block] = [], items: [Item] = [],
        cursor: Int? = nil, messages: [Message] = [], footer: String
    ) {
        self.title = title
        self.status = status
        self.progress = progress
        self.body = body
        self.items = items
        self.cursor = cursor
        self.messages = messages
        self.footer = footer
    }
}
