# passerelle’s interface in English (Project Fluent, https://projectfluent.org).
# Every message exists in every language with the same variables; `cargo test --lib locale`
# checks it. Plural forms are chosen by the language’s CLDR rules ([one], [few], [many],
# *[other]). Invisible characters are typed as such: U+00A0 (no-break space) joins a number
# to its noun.

## Public pages

organisations = Organisations
latest-projects = Latest projects
projects = Projects
pinned = Featured
followers = Followers
profile = Profile
partners = Partners
place = Place
dates = Dates
themes = Themes
sdgs = Sustainable Development Goals
published = Published
updated = Updated
language-versions = Language versions
follow-hint = Follow us on the fediverse (e.g. Mastodon) at
no-posts = No projects yet.
figures = Figures
skip-to-content = Skip to content
interface-language = Language
replies = Replies from the fediverse
reactions = Reactions
partnerships = Partnerships
partner = Partner
network = Network
kind = Kind
since = Since
status = Status
main-navigation = Main navigation
home = Home
registry = Partnership registry
statistics = Statistics
search = Search
about-network = About this network
upcoming-events = Upcoming events
no-events = No upcoming events.
confirmed-partnerships = Confirmed partnerships
featured-projects = Featured projects
follow-from-mastodon = Follow from Mastodon
follow-box-intro = Enter your fediverse address. We send you to your own server, where you confirm the follow.
your-handle = Your address or your server
handle-example = e.g. @anna@mastodon.social or mastodon.social
follow-button = Continue to follow
handle-empty = Please enter your address.
handle-invalid = This is neither an address like @name@server.example nor a server name like server.example.
handle-is-here = This address belongs to this network. Follow from your own Mastodon server.
error = Error
feeds = Feeds
rss-feed = RSS feed
atom-feed = Atom feed
projects-of = Projects of
projects-on = Projects on
no-partnerships = No partnerships recorded.
filters = Filters
country-pair = Country pair
region-pair = Region pair
first-country = First country
second-country = Second country
first-region = First region
second-region = Second region
choose-both = Choose both or neither.
founded-from = Founded from
founded-to = Founded up to
year-invalid = Please enter a year such as 1962.
theme = Theme
confirmed-only = Only those confirmed by both sides
any = any
show = Show
reset-filters = Reset filters
organisation = Organisation
countries = Countries
map = Map
map-description = Points are organisations, lines join partners. The same partnerships are listed in the table.
map-views = Map view
map-zoom-in = Zoom in
map-zoom-out = Zoom out
map-fit = Zoom to the partnerships
map-overview = Overview
previous = Previous
next = Next
status-proposed = proposed
status-active = active
status-dormant = dormant
status-ended = ended
status-confirmed = confirmed
status-unconfirmed = unconfirmed
by-country-pair = By country pair
by-kind = By kind
by-decade = By founding decade
by-region = By region
share-confirmed = Confirmed by both sides
total = Total
count = Count
as-table = As a table
scope = Scope
scope-local = This network
scope-federation = All connected networks (each partnership counted once)
not-reachable = Not reachable
unknown = unknown
download-csv = Data as CSV
open-data = Open data
themes-list = Project themes
read-in = Read in
images = Images
none-yet = No data yet.
colon = :
semicolon = ;

## Editors’ and operators’ interface

too-many-logins = Too many failed logins.
back-to-projects = Back to the projects
log-in = Log in
log-out = Log out
logged-in-as = Logged in as
username = Username
password = Password
login-failed = Wrong username or password.
login-form-expired = The login form was open too long. Please enter your password again.
kept-login-note = Your session had ended before the form was sent. What you wrote is kept: log in, then send it with one click.
kept-title = Send the kept form
kept-intro = Your session had ended before the form was sent, so nothing was saved yet. What you wrote is kept here: send it now.
kept-send = Send now
kept-back = Back to the form, without what was kept
kept-gone = This kept form is no longer there: it was kept for a day, and only for the account that wrote it.
kept-files-left-out = { $n ->
    [one] The image you had chosen could not be kept: add it again afterwards.
   *[other] The { $n } images you had chosen could not be kept: add them again afterwards.
}
csrf-failed = This form has expired or did not come from this site. Please reload the page and send it again.
required = Required.
too-long = Too long.
bad-value = Invalid value.
bad-date = A date such as 2026-07-20.
bad-year = A year, e.g. 1962.
bad-domain = A host name such as example.org, not this instance.
editor-navigation = Editing
editors-interface = Editors’ interface
my-organisations = My organisations
administration = Administration
no-organisations = You are not an editor of any organisation yet. Ask this instance’s administrators.
sections = Sections
public-profile = See the public profile
new-post = New post
edit-post = Edit post
edit = Edit
delete = Delete
delete-post = Delete post
delete-yes = Yes, delete
delete-confirm = Do you really want to delete “{ $title }”? Your followers are told, and the post cannot be restored.
pin = Pin
unpin = Unpin
post-published = The post is published.
post-updated = The post is updated.
post-deleted = The post is deleted.
delivery-status = Delivery
instance = Instance
no-recipients = Not sent to any other instance yet.
failing = Failing
waiting = waiting
attempts = Attempts
last-error = Last error
form-has-errors = The form has errors; each is shown next to its field.
preview = Preview
main-language = Main language
main-language-unwritten = Nothing is written in the main language yet.
languages-hint = Fill in one or more language versions; empty languages are not published.
write-one-language = Write at least one language version.
title = Title
summary = Summary
summary-required = Required: Mastodon shows only the title and summary.
body = Text
post-images = Images
add-image = Add an image (JPEG, PNG, WebP or GIF)
alt-text = Image description (alt text)
alt-hint = Describe what the image shows, for people who cannot see it.
alt-required = Describe the image (required).
alt-required-upload = Describe the image (required) and choose the file again.
choose-image = Choose an image file for this description.
remove-image = Remove image
upload-too-large = The file is too large.
not-an-image = This file is not an image in a supported format (JPEG, PNG, WebP, GIF).
too-many-pixels = The image is too big (at most 12,000 pixels per side).
sdg = Goal
starts-on = Starts
ends-on = Ends
ends-before-start = The end is before the start.
partners-hint = One organisation per line: a handle on this instance (stadt-dortmund) or a profile’s URL.
publish = Publish
save-changes = Publish changes
cancel = Cancel
followers-and-follows = Followers and follows
follow-someone = Follow an account on the fediverse
fediverse-address = Fediverse address
fediverse-address-hint = For example @ville-amiens@afccre.example, or the profile’s URL.
partner-choices-hint = Type a name to choose among the organisations known here, or enter the address of another, for example @ville-amiens@afccre.example.
follow = Follow
unfollow = Unfollow
follow-sent = Follow request sent to
unfollowed = You no longer follow this account.
cannot-follow-self = An organisation cannot follow itself.
follow-requests = Follow requests
following = Following
awaiting-approval = awaiting approval
accept = Accept
reject = Reject
decline = Decline
request-accepted = The request is accepted.
request-rejected = The request is rejected.
no-such-request = There is no such follow request (any more).
none = None.
propose-partnership = Propose a partnership
propose = Propose
founded-year = Year founded
description = Description
awaiting-partner = awaiting the partner’s answer
mark-dormant = Mark dormant
mark-active = Active again
end-partnership = End
partnership-proposed = The proposal is sent; the partnership is confirmed once the other side accepts.
partnership-accepted = The partnership is confirmed.
partnership-declined = The proposal is declined.
partnership-changed = The partnership is changed.
no-such-partnership = There is no such partnership here.
no-such-organisation = No organisation
not-your-organisation = You are not an editor of this organisation.
error-forbidden = Not allowed
error-not-found = Not found
error-request = The request did not work
error-server = An error on our side
error-server-detail = Something went wrong. Please try again in a few minutes.
error-not-found-detail = This page does not exist, or no longer does. The search may help you find what you are looking for.
error-forbidden-detail = This page cannot be shown here.
error-request-detail = Please check the address or what was entered in the form.
error-conflict = Already done, or changed meanwhile
error-conflict-detail = This was done already, or someone changed it meanwhile. Reload the page to see how things stand.
error-details = Technical detail
back-home = Back to the home page
operators-only = Only for this instance’s administrators and moderators.
admins-only = Only for this instance’s administrators.
federation-health = Federation health
queue-pending = Deliveries queued
queue-failing = of which failing
queue-delivered = Delivered
queue-gave-up = Given up
instances-with-trouble = Instances with queued or failing deliveries
subscriptions-heading = Networks and relays
no-subscriptions = This instance subscribes to no network and no relay.
subscription-kind = Kind
subscription-style = Protocol
subscription-peer = Peer network
subscription-relay = Relay
subscription-pending = requested, no answer yet
subscription-accepted = accepted
subscription-rejected = rejected
all-instances-fine = Every instance is reachable; nothing is waiting.
failing-since = Failing since
unreachable = unreachable
accounts = Accounts
roles = Roles
create-account = Create an account
account-created = The account is created.
no-such-account = No account
grant-role = Grant a role
grant = Grant
revoke = Revoke
roles-changed = The roles are changed.
api-tokens = API tokens
name = Name
created = Created
last-used = Last used
revoked = revoked
token-name = Name of the new token
issue-token = Issue a token
token-shown-once = The new token is shown only this once:
token-revoked = The token is revoked.
end-sessions = End all of this account’s sessions
sessions-ended = All of this account’s sessions are ended.
handle = Handle
country = Country (two letters, e.g. DE)
working-languages = Working languages
create-organisation = Create an organisation
organisation-created = The organisation is created:
moderation = Moderation
reports = Reports
resolved = resolved
mark-resolved = Mark resolved
report-resolved = The report is resolved.
remove-content = Remove content
content-removed = The content is removed.
domain-blocks = Blocked instances
reason = Reason
block-instance = Block instance
unblock = Unblock
block-added = The instance is blocked.
block-removed = The instance is no longer blocked.
from-config = from the configuration
suspended-actors = Suspended accounts of other instances
suspend = Suspend
unsuspend = Lift suspension
suspended = The account is suspended; its posts are removed.
unsuspended = The suspension is lifted.
cannot-suspend-local = This instance’s organisations are managed under “Organisations”, not suspended.

## Search page

search-title = Search
search-label = Search terms
search-hint = Organisations, partnerships and projects across all networks. "several words" for a phrase, clim* for a word start, -word or -"several words" to leave out.
search-bad-parameter = The address of this search holds a value that cannot be read. Search again from the form.
search-submit = Search
search-what = What
search-everything = Everything
search-organisations = Organisations
search-partnerships = Partnerships
search-posts = Projects
search-order = Order
search-relevance = Relevance
search-newest = Newest first
search-only-here = This network only
search-result-pages = Result pages
search-no-matches = Nothing found. Try other or fewer words.
search-narrow = Narrow down
search-remove-filters = Remove all filters
search-networks = Networks
search-answered = answered
search-local = this network
search-timeout = no answer in time
search-failed = unreachable
search-next = More results
search-previous = Previous results
search-f-kind = Kind
search-f-theme = Theme
search-f-sdg = Sustainable Development Goal
search-f-country = Country
search-f-region = Region
search-f-org-kind = Kind of organisation
search-f-language = Language
search-f-year = Year
search-f-network = Network
search-capped = Only the newest matches were sorted and counted. More words or a filter give exact figures.

## Messages with variables

lookup-malformed = “{ $target }” is neither @name@server nor an address (https://…).
lookup-unknown-here = There is no organisation “{ $target }” here.
lookup-blocked = The server { $target } is blocked here.
lookup-webfinger-status = Looking up { $target } (WebFinger) failed: the server answered HTTP { $status }.
lookup-webfinger-failed = Looking up { $target } (WebFinger) failed: { $reason }
lookup-no-actor = { $target } was found but has no ActivityPub profile.
lookup-actor-status = The profile { $target } could not be fetched: the server answered HTTP { $status }.
lookup-actor-failed = The profile { $target } could not be fetched: { $reason }
lookup-invalid = { $target } is not a usable profile: { $reason }

count-likes = { $n ->
    [one] { $n } like
   *[other] { $n } likes
}
count-shares = { $n ->
    [one] { $n } share
   *[other] { $n } shares
}
count-replies = { $n ->
    [one] { $n } reply
   *[other] { $n } replies
}
results-count = { $n ->
    [one] { $n } result
   *[other] { $n } results
}
search-matches-more = More than { $n } matches
search-matches-count = { $n ->
    [one] { $n } match
   *[other] { $n } matches
}
map-missing-count = { $n ->
    [one] { $n } organisation without coordinates, not on the map
   *[other] { $n } organisations without coordinates, not on the map
}
delivered-count = Delivered to { $delivered } of { $instances } { $instances ->
    [one] instance
   *[other] instances
}
waiting-count = { $n } waiting
proposals-awaiting-answer = { $n ->
    [one] One partnership proposal awaits your answer
   *[other] { $n } partnership proposals await your answer
}
records-not-kept = Published more than { $days } { $days ->
    [one] day
   *[other] days
} ago: deliveries are not kept on record that long.
try-again-in-minutes = Please try again in { $n } { $n ->
    [one] minute
   *[other] minutes
}.

## Vocabulary: organisation kinds, partnership kinds, themes (their hashtags are made
## from these labels), the UN Sustainable Development Goals, profile fields

org-kind-municipality = Municipality
org-kind-district = District
org-kind-region = Region
org-kind-association = Partnership association
org-kind-network = Network
org-kind-school = School
org-kind-other = Civil society

partnership-kind-twinning = Twinning
partnership-kind-friendship = Friendship
partnership-kind-contact = Contact
partnership-kind-project = Project partnership
partnership-kind-regional = Regional partnership
partnership-kind-school = School partnership

theme-reconciliation = Reconciliation
theme-european-integration = European integration
theme-youth = Youth
theme-education = Education
theme-culture = Culture
theme-sport = Sport
theme-social = Social engagement
theme-inclusion = Inclusion
theme-climate = Climate protection
theme-environment = Environment
theme-mobility = Mobility
theme-demography = Demographic change
theme-structural-change = Structural change
theme-migration = Migration and integration
theme-digitalisation = Digitalisation
theme-economy = Economy
theme-remembrance = Remembrance
theme-humanitarian-aid = Humanitarian aid
theme-administration = Administration exchange

sdg-1 = No poverty
sdg-2 = Zero hunger
sdg-3 = Good health and well-being
sdg-4 = Quality education
sdg-5 = Gender equality
sdg-6 = Clean water and sanitation
sdg-7 = Affordable and clean energy
sdg-8 = Decent work and economic growth
sdg-9 = Industry, innovation and infrastructure
sdg-10 = Reduced inequalities
sdg-11 = Sustainable cities and communities
sdg-12 = Responsible consumption and production
sdg-13 = Climate action
sdg-14 = Life below water
sdg-15 = Life on land
sdg-16 = Peace, justice and strong institutions
sdg-17 = Partnerships for the goals

profile-kind = Kind
profile-region = Region
profile-code-ags = German municipality code (AGS)
profile-code-insee = INSEE code
profile-code-lau = LAU code
profile-nuts = NUTS region
profile-population = Population
profile-website = Website
profile-languages = Languages
profile-themes = Themes

## Formats

# Digits of whole numbers: 601,150.
number-group-separator = {","}
number-group-minimum = 1
# 5 March 2026.
date = { $day } { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }
decade = { $decade }s
percent = { $n }%

# events-public: the calendar page, event pages and iCalendar feeds
ev-nav = Events
ev-calendar = Events calendar
ev-calendar-intro = Events running or to come, by month. Times in each event’s own time zone.
ev-running-now = Happening now
ev-no-match = No events match these filters.
ev-bad-filter = This filter value is unknown; please choose from the list.
ev-kind-training = Training
ev-kind-partnership-meeting = Partnership meeting
ev-kind-exchange = Exchange
ev-kind-citizens-trip = Citizens’ trip
ev-kind-festival = Festival
ev-kind-conference = Conference
ev-kind-online-meeting = Online meeting
ev-kind-other = Other
ev-status-scheduled = Scheduled
ev-status-tentative = Tentative
ev-status-cancelled = Cancelled
ev-status-postponed = Postponed
ev-notice-cancelled = This event is cancelled.
ev-notice-postponed = This event is postponed; the new date is not set yet.
ev-notice-tentative = The date is still tentative.
ev-when = When
ev-time-zone = Time zone
ev-address = Address
ev-coordinates = Coordinates
ev-open-in-map-app = Open in a map app
ev-online-address = Online access
ev-online-filter = Online or on site
ev-online-only = online only
ev-online = online
ev-on-site-only = on site only
ev-region = Region
ev-language = Language of the event
ev-local-only = Only this network’s events
ev-organisers = Organisers
ev-coorganisers = Co-organisers
ev-languages-spoken = Languages spoken
ev-capacity = Capacity
ev-participants = Participants
ev-places-left = Places left
ev-fully-booked = Fully booked
ev-registration-deadline = Registration deadline
ev-how-to-join = How to join
ev-join-free = Open registration: your participation is accepted at once while places are left.
ev-join-approval = Registration with approval: the organisers accept or decline your request.
ev-join-external = Registration on another website:
ev-registration-closed = Registration is closed.
ev-add-to-calendar = Add to calendar (iCalendar)
ev-join-from-fediverse = Join from your fediverse account
ev-join-box-intro = Enter your fediverse address (Mastodon, Mobilizon …). We send you to your own server, where you confirm that you join.
ev-join-button = Continue to join
ev-origin = This event comes from another server. Original:
ev-subscribe = Subscribe to the calendar
ev-feed-network = All events of this network
ev-feed-of = Events of
ev-feed-on = Events on
ev-feed-hint = Subscribe to a feed’s address in your calendar app: changes and cancellations show up there by themselves.
ev-all-events = All events
# A clock time as chrono writes it (strftime): 14:00.
ev-time-format = %H:%M
# A month as a heading of the calendar page (the nominative where the language has cases).
ev-month-year = { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }
## events-editor
ed-events = Events
ed-back-to-events = Back to the events
ed-new-event = New event
ed-edit-event = Edit event
ed-duplicate-event = Duplicate event
ed-duplicate = Duplicate
ed-choose-dates = A copy of “{ $title }”: choose the start and end of the new event.
ed-upcoming = Upcoming and running events
ed-past = Past events
ed-no-events = No events yet.
ed-co-organised = co-organised
ed-participants = Participants
ed-places = seats
ed-cancel-event = Cancel the event
ed-cancel-confirm = Do you really want to cancel “{ $title }”? Followers and participants are told; the event stays visible as cancelled.
ed-cancel-yes = Yes, cancel it
ed-keep = No, go back
ed-event-created = The event is published.
ed-event-updated = The event is updated.
ed-event-cancelled = The event is cancelled.
ed-when = When
ed-where = Where
ed-taking-part = Taking part
ed-links = Belongs to
ed-starts-at = Start (local time)
ed-ends-at = End (local time)
ed-timezone = Time zone
ed-kind-training = Training
ed-kind-partnership-meeting = Partnership meeting
ed-kind-exchange = Exchange
ed-kind-citizens-trip = Citizens’ trip
ed-kind-festival = Festival
ed-kind-conference = Conference
ed-kind-online-meeting = Online meeting
ed-kind-other = Other
ed-status-scheduled = scheduled
ed-status-tentative = tentative
ed-status-cancelled = cancelled
ed-status-postponed = postponed
ed-join-mode = How to join
ed-join-free = Free: every request is accepted while places are left
ed-join-approval = With approval: you accept or reject each request
ed-join-external = External: registration is on another website
ed-external-url = External registration address
ed-capacity = Places (empty: unlimited)
ed-registration-deadline = Registration deadline (local time, optional)
ed-languages-spoken = Languages spoken
ed-languages-spoken-hint = Language codes separated by commas, e.g. de, fr
ed-place-name = Name of the place
ed-street = Street and number
ed-postal-code = Postal code
ed-locality = Town or city
ed-region = Region or state
ed-latitude = Latitude (−90 to 90)
ed-longitude = Longitude (−180 to 180)
ed-online-url = Online meeting address
ed-online-url-hint = Public: everyone who sees the event sees this address, also when taking part needs your approval. For a closed meeting, leave it empty and send the address to those you accept.
ed-place-hint = Give a place, an online address, or both.
ed-organisers = Co-organisers
ed-partnership = Partnership
ed-no-partnership = none
ed-related-posts = Related project posts
ed-related-posts-hint = One address (https://…) per line.
ed-participants-of = Participants of
ed-no-participants = Nobody has asked to take part yet.
ed-state-pending = requested
ed-state-accepted = accepted
ed-state-waiting = on the waiting list
ed-state-rejected = rejected
ed-message = Their message
ed-decision = Decision
ed-export-csv = Download the list as CSV
ed-participation-accepted = The request to take part is accepted.
ed-participation-rejected = The request to take part is rejected.
ed-err-full = The event is full: raise its number of places first.
ed-take-part = Take part in an event
ed-event-address = Event address
ed-event-address-hint = The address (https://…) of an event on any instance, Mobilizon’s too.
ed-join-message = Message to the organisers (optional)
ed-join = Take part
ed-join-result = Request sent; state:
ed-our-participations = Our participations
ed-leave = Leave
ed-join-sent = The request to take part is sent; its state is shown below.
ed-left = You left this event.
ed-not-an-event = This address is not an event.
ed-not-taking-part = You are not taking part in this event.
ed-refused-cancelled = This event is cancelled.
ed-refused-over = This event is over.
ed-refused-deadline = Registration closed at its deadline.
ed-refused-external = Registration for this event is on another website.
ed-refused-deleted = This event was deleted.
ed-err-timezone = Unknown time zone “{ $value }”: choose one from the list.
ed-err-datetime = A date and time, e.g. 2026-06-12 14:00.
ed-err-time-skipped = This time does not exist in this time zone: the clocks skip it when summer time begins.
ed-err-deadline-after-start = The registration deadline is after the start.
ed-err-capacity-range = A whole number from 0 to 1,000,000.
ed-err-capacity-below = { $n } participants are already accepted: there must be at least as many places.
ed-err-whole-number = A whole number.
ed-err-decimal = A decimal number such as 51.514.
ed-err-url = An address starting with http:// or https://.
ed-err-external-required = Give the address of the external registration.
ed-err-latitude = A latitude from −90 to 90.
ed-err-longitude = A longitude from −180 to 180.
ed-err-both-coordinates = Give both coordinates or neither.
ed-err-country = A two-letter country code such as DE or FR.
ed-err-language = Language codes such as de or fr, separated by commas.
ed-err-no-post = There is no such post here.

# security
nul-refused = Contains a NUL character (U+0000), which cannot be stored (shown here as �).
image-too-many-pixels = The image has too many pixels (at most 40 megapixels, e.g. 8000 × 5000, and 12,000 per side).
partners-hint-remote = One organisation per line: a handle on this instance (stadt-dortmund), @name@server on another instance, or a profile’s URL. Each partner is looked up when you preview.
partners-typed = Partners’ addresses
partners-other = Other partners (addresses)
too-many-partners = At most { $max } partners per post.

## forum
forum-nav = Forum
forum-title = Forum
forum-intro = Questions and experience of twinning committees, municipalities and associations. Every group can also be followed from the fediverse (Mastodon, Lemmy, Friendica).
forum-groups = Groups
forum-no-groups = No groups yet.
forum-latest-threads = Latest discussions
forum-no-threads = No discussions yet.
forum-threads = Discussions
forum-comments = Comments
forum-new-thread = Start a discussion
forum-thread-title = Title
forum-thread-body = Text (Markdown)
forum-start-thread = Start the discussion
forum-write-as = Write as
forum-language = Language
forum-reply = Reply
forum-your-reply = Your reply
forum-send-reply = Send reply
forum-reply-to = Reply to
forum-reply-from-fediverse = Reply from the fediverse
forum-reply-from-fediverse-hint = Search for this address in your Mastodon, Lemmy or Friendica app and reply there:
forum-follow-group = Follow this group
forum-follow-group-hint = Search for this address in your fediverse app and follow it:
forum-rules = Rules
forum-moderators = Moderation
forum-locked = Locked
forum-locked-notice = This discussion is locked: no new replies.
forum-pinned = Pinned
forum-removed = Removed
forum-removed-comment = This comment was removed.
forum-last-activity = Last activity
forum-started-by = Started by
forum-mods-only = In this group only the moderators start discussions; everyone may reply.
forum-login-to-write = Log in to take part.
forum-moderate = Moderate
forum-remove = Remove
forum-lock = Lock
forum-unlock = Unlock
forum-pin = Pin
forum-unpin = Unpin
forum-reason = Reason
forum-thread-started = The discussion is open.
forum-comment-posted = Your reply is published.
forum-moderation-done = Done: the group passes it on to its followers.
forum-back-to-group = Back to the group
forum-group-feed = Discussions in
forum-no-organisation = You write on behalf of an organisation: your account is not linked to one yet.

## europe
upload-over-limit = The file is too large: at most { $megabytes } MB per image. Everything else is kept; please choose a smaller file.

## funding
fund-title = Funding programmes
fund-intro = Programmes that fund town twinning, school and youth exchanges and projects between partners, kept by this network and its peer networks. Open calls come first, the nearest deadline on top.
fund-filters = Filter programmes
fund-theme = Theme
fund-country = Country of an organisation (code)
fund-kind = Kind of applicant
fund-amount = Grant of at least (€)
fund-open-only = Only programmes with an open call
fund-any = any
fund-show = Show
fund-reset = Reset
fund-bad-filter = This value is not known: choose one from the list.
fund-count = { $n ->
    [one] { $n } programme
   *[other] { $n } programmes
}
fund-no-match = No programme matches these filters.
fund-open-calls = Open calls
fund-other-programmes = Other programmes
fund-deadline = Deadline
fund-rolling = rolling: apply at any time
fund-opens = opens on
fund-funder = Funder
fund-who = Who may apply
fund-any-kind = any kind of organisation
fund-countries = Eligible countries
fund-any-country = any country
fund-required = Must include
fund-partnership = Partnership
fund-min-partners = at least { $n } organisations
fund-min-countries = from at least { $n } countries
fund-min-eu = of them at least { $n } EU member states
fund-participants = Participants
fund-min-participants = at least { $n } direct participants
fund-min-invited = of them at least { $n } invited from abroad
fund-grant = Grant
fund-grant-range = { $min } € to { $max } €
fund-grant-up-to = up to { $max } €
fund-grant-from = from { $min } €
fund-lump-sums = lump sums of { $sums } €
fund-cofunding = up to { $rate } % of the costs
fund-duration = Duration
fund-duration-range = { $min } to { $max }
fund-duration-up-to = up to { $max }
fund-duration-from = at least { $min }
fund-themes = Themes
fund-calls = Calls
fund-no-calls = No call has been announced.
fund-closed = closed
fund-source = Rules and application at the funder
fund-kept-by = Kept by { $network }
fund-back = All funding programmes
fund-days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
fund-months = { $n ->
    [one] { $n } month
   *[other] { $n } months
}
fund-unit-days = days
fund-unit-months = months
fund-check-title = Which programmes fit our project?
fund-check-intro = Describe the planned project or partnership: the applicant first, then its partners. Empty rows are left out.
fund-applicant = Applicant
fund-partner = Partner { $n }
fund-org-kind = Kind of organisation
fund-org-country = Country (two letters, e.g. DE)
fund-expected-participants = Expected direct participants
fund-invited = Of them invited from abroad
fund-planned-duration = Planned duration
fund-unit = Unit
fund-check-button = Check
fund-fits = fits
fund-does-not-fit = does not fit
fund-fit-count = { $fits ->
    [one] { $fits } of { $total } programmes fits.
   *[other] { $fits } of { $total } programmes fit.
}
fund-check-error = The plan could not be checked:
fund-fail-applicant-kind = the applicant must be one of: { $allowed } (not { $kind })
fund-fail-country = organisations from { $country } are not eligible
fund-fail-country-missing = needs a partner from { $country }
fund-fail-partners = needs at least { $min } organisations (now { $have })
fund-fail-countries = needs organisations from at least { $min } different countries (now { $have })
fund-fail-eu-countries = { $min ->
    [1] needs a partner from an EU member state
    [2] { $have ->
        [1] needs a partner from a second EU member state
       *[other] needs partners from at least 2 EU member states
    }
   *[other] needs partners from at least { $min } EU member states (now { $have })
}
fund-fail-participants = needs at least { $min } direct participants (now { $have })
fund-fail-participants-unknown = needs at least { $min } direct participants: say how many you expect
fund-fail-invited = needs at least { $min } participants invited from abroad (now { $have })
fund-fail-invited-unknown = needs at least { $min } participants invited from abroad: say how many you expect
fund-fail-too-short = must last at least { $duration }
fund-fail-too-long = may last at most { $duration }
fund-nav = Funding
fund-deadlines = Funding deadlines

## review
review-showcase = Showcase
review-showcase-intro = Projects from the partnerships, chosen by the network’s editorial team.
review-no-showcase-posts = No projects in the showcase yet.
review-showcase-feed = The showcase as a feed
review-from-showcase = From the showcase
review-all-showcase = All projects in the showcase
review-submit-title = Submit a post to a showcase
review-submit-intro = The network’s editorial team reviews the post before it appears in the showcase.
review-showcase-field = Showcase
review-showcase-hint = Leave empty for this network’s showcase, or give another network’s, e.g. @showcase@jumelage.example
review-submit = Submit
review-submissions = Submissions
review-submissions-of = Submissions: “{ $title }”
review-no-submissions = This post has not been submitted yet.
review-state-pending = waiting for review
review-state-changes-requested = changes requested
review-state-approved = approved
review-state-declined = declined
review-history = History
review-act-submitted = submitted
review-act-resubmitted = submitted again
review-act-approved = approved
review-act-changes-requested = changes requested
review-act-declined = declined
review-act-edited = edited after approval
review-comment = Comment
review-comment-hint = Which changes does the post need? The submitters see this text.
review-reason = Reason
review-reason-hint = Why is the post declined? The submitters see this text.
review-queue = Editorial review
review-queue-intro = Posts submitted to this network’s showcases, oldest first.
review-queue-empty = No submissions in this state.
review-waiting = Waiting for review
review-approve = Approve
review-request-changes = Ask for changes
review-decline = Decline
review-submitted-by = Submitted by
review-to-showcase = to
review-notice-submitted = The post was submitted.
review-notice-decided = The decision was saved.
review-submit-link = Submit …
review-review-link = Editorial review
review-post = Post
review-state = State
review-updated = Last change
review-changes-hint = Edit the post, then submit it again.
review-no-showcase = This network has no showcase yet.
review-not-a-showcase = “{ $name }” is not a showcase of this network.
review-not-a-group = { $name } is not a group of another network.
review-only-projects = Only project posts go to a showcase, not replies or forum threads.
review-already-waiting = This post is already waiting for review there.
review-already-approved = This post is in that showcase already.
review-was-declined = This post was declined there. { $comment }
## europe
stats-by-region-pair = By pair of regions (NUTS)
## forumx
forum-report = Report
forum-report-reason = Why are you reporting this?
forum-send-report = Send the report
forum-report-sent = Thank you: the group's moderators have your report.
forum-moderation-view = Reports and moderation log
forum-reports = Reports
forum-no-reports = No reports.
forum-resolve = Mark resolved
forum-resolved-report = Resolved
forum-open-report = Open
forum-moderation-log = Moderation log
forum-no-log-entries = Nothing recorded yet.
forum-log-action = Action
forum-log-object = About
forum-log-by = By
forum-log-date = When
forum-image = Image (optional)
forum-image-alt = Image description (required with an image)
forum-image-alt-required = Describe the image for people who cannot see it.
forum-banned = This group has banned you: you can no longer write here.
forum-answer-unknown = The post you answer is not known here.
forum-answer-removed = The post you answer was removed meanwhile.
forum-answer-elsewhere = The post you answer is not in one of this group's discussions.
forum-thread-gone = This discussion was removed.
forum-act-remove = removed
forum-act-lock = locked
forum-act-unlock = unlocked
forum-act-pin = pinned
forum-act-unpin = unpinned
forum-act-ban = banned
forum-act-unban = ban lifted
forum-act-report = reported
forum-act-resolve_report = report resolved
## partners
partners-tab = Partner search
partners-and = and
partners-any = any
partners-lang-de = German
partners-lang-fr = French
partners-lang-en = English
partners-lang-it = Italian
partners-lang-pl = Polish
partners-lang-es = Spanish
partners-lang-nl = Dutch
partners-lang-pt = Portuguese
partners-lang-cs = Czech
partners-lang-da = Danish
partners-purpose-twinning = a new twinning
partners-purpose-project = a project
partners-purpose-school-exchange = a school exchange
partners-purpose-learning = learning on a theme
partners-reason-themes = also works on { $themes }
partners-reason-sdgs = also pursues goal { $goals }
partners-reason-similar-size = similar size
partners-reason-wished-size = in the size range you look for
partners-reason-languages = speaks { $languages }
partners-reason-wished-region = in { $region }, where you look for partners
partners-reason-wished-country = in { $country }, where you look for partners
partners-reason-near = { $km } km away
partners-reason-wished-kind = a { $kind }, the kind you look for
partners-reason-same-kind = also a { $kind }
partners-reason-looking = is looking for partners too
partners-reason-looking-for = is looking for { $purposes } too
partners-reason-projects = similar projects ({ $words })
partners-reason-partner-of-partner = { $count ->
    [one] partner of your partner { $partners }
   *[other] partner of your partners { $partners }
}
partners-note-not-looking = Your organisation has not said it is looking for partners: these suggestions compare its profile only. Say what you look for to get better ones.
partners-looking-title = Looking for partners
partners-looking-intro = Organisations of this network and its peer networks that are looking for partners: for a twinning, a project, a school exchange or to learn from each other.
partners-filters = Filters
partners-purpose = Looking for
partners-theme = Theme
partners-kind = Kind of organisation
partners-language = Language
partners-country = Country (ISO code)
partners-show = Show
partners-reset = Reset
partners-networks = Networks asked
partners-network-count = { $n ->
    [one] { $n } organisation
   *[other] { $n } organisations
}
partners-network-timeout = no answer in time
partners-network-failed = could not be asked
partners-looking-count = { $n ->
    [one] { $n } organisation is looking.
   *[other] { $n } organisations are looking.
}
partners-none-looking = No organisation matching these filters is looking for partners.
partners-bad-filter = A filter could not be read; see above.
partners-looking-for = Looking for:
partners-wish-places = Where
partners-wish-themes = Themes
partners-wish-languages = Languages
partners-wish-kinds = Kinds of partner
partners-wish-size = Size
partners-size-range = { $min } to { $max } inhabitants
partners-size-from = from { $min } inhabitants
partners-size-up-to = up to { $max } inhabitants
partners-inhabitants = { $n } inhabitants
partners-looking-form-title = Looking for partners
partners-looking-form-intro = Say what your organisation is looking for: it is shown where you allow it and improves its suggestions.
partners-see-suggestions = See suggested partners
partners-active = We are looking for partners
partners-countries = Countries
partners-countries-hint = Two-letter codes separated by commas, for example FR, PL. Empty: anywhere.
partners-regions = Regions
partners-regions-hint = One region per line, as profiles name them.
partners-themes = Themes
partners-languages = Languages
partners-size = Size of the partner
partners-population-min = Inhabitants, at least
partners-population-max = Inhabitants, at most
partners-partner-kinds = Kinds of partner
partners-description = What you look for, in your own words
partners-visibility = Where it is shown
partners-listed = On the “looking for partners” pages, here and at the peer networks
partners-suggested = As a suggestion to other organisations
partners-save = Save
partners-saved = Saved.
partners-suggestions-title = Suggested partners
partners-suggestions-intro = Organisations of this network and its peer networks that would fit, best first, with the reasons.
partners-edit-looking = Change what you look for
partners-say-looking = Say what you look for
partners-no-suggestions = No suggestion for now.
partners-why = Why:
partners-propose = Propose a partnership
partners-follow = Follow

## lead
partners-nav = Partner search
fund-funded-by = Funded by
fund-funded-none = (no funding programme)
fund-funded-hint = The funding programme of the directory that funded this project; its page lists the projects it funded.
fund-funded-projects = Projects funded by this programme
fund-no-funded-projects = No project has named this programme yet.
fund-form-list-title = Our funding programmes
fund-form-list-intro = The programmes this network keeps; they are shared with the peer networks and appear in the directory:
fund-form-new-title = New funding programme
fund-form-edit-title = Edit funding programme
fund-form-edit = Edit
fund-form-none = This network keeps no programme yet.
fund-form-intro = Write the programme’s rules as the funder publishes them: the eligibility check compares planned projects with them. Leave a rule empty when the programme has none.
fund-form-fix = Some fields need your attention: see the messages next to them.
fund-form-name = Name
fund-form-description = Description
fund-form-name-required = Give the programme a name in at least one language.
fund-form-link = Link to the rules and the application (https://…)
fund-form-kinds-hint = None ticked: any kind of organisation may apply.
fund-form-countries-hint = Two-letter codes separated by commas, e.g. DE, FR, PL. Empty: any country.
fund-form-min-partners = At least this many organisations
fund-form-min-countries = From at least this many countries
fund-form-min-eu-countries = Of them at least this many EU member states
fund-form-min-participants = At least this many direct participants
fund-form-min-invited = Of them at least this many invited from abroad
fund-form-grant-min = Smallest grant (€)
fund-form-grant-max = Largest grant (€)
fund-form-lump-sums = Lump sums (€)
fund-form-lump-sums-hint = Amounts separated by commas, e.g. 8455, 50745.
fund-form-cofunding-rate = Share of the costs funded at most (%)
fund-form-duration-min = Shortest duration
fund-form-duration-max = Longest duration
fund-form-calls-hint = One row per call. A call without a deadline is rolling. A deadline is the end of that day, Brussels time.
fund-form-call-label = Call
fund-form-save = Save and share with the peer networks
fund-form-delete = Delete this programme
fund-form-delete-hint = The programme is removed here and at the peer networks. Projects that named it keep the link.
fund-form-saved = The programme is saved and sent to the peer networks.
fund-form-deleted = The programme is deleted here and at the peer networks.
fund-form-not-a-number = A whole number, e.g. 25000.
fund-check-negative = Must not be negative.
fund-check-at-most = At most { $max }.
fund-check-too-large = This number is too large.
fund-plan-applicant = Name at least the applicant: its kind and country.
fund-plan-unit = Days or months.
fund-check-number = A whole number, such as 12.
check-country = Unknown country “{ $code }”: use a two-letter code such as DE or FR.
fund-check-link = An address that starts with http:// or https://.
fund-check-required-country = { $code } is required but not among the eligible countries.
fund-check-eu-countries = More EU member states than countries in all.
fund-check-invited = More participants invited from abroad than participants in all.
fund-check-grant-max = Smaller than the smallest grant.
fund-check-lump-sum = Each lump sum must be above zero.
fund-check-rate = A percentage from 1 to 100.
fund-check-duration-max = Shorter than the shortest duration.
fund-check-name-beside = A description needs a name beside it.
fund-check-deadline-before = The deadline is before the call opens.
fund-check-calls = At most { $max } calls.
check-too-long = At most { $max } characters.
check-required-max = Required, at most { $max } characters.
check-theme = Unknown theme “{ $theme }”.
check-list-max = At most { $max } entries.
check-language = Unknown language “{ $code }”: use a two-letter code such as de or fr.
check-kind = Unknown kind of organisation “{ $kind }”.
check-purpose = Unknown purpose “{ $purpose }”.
check-region-empty = Name a region.
check-not-below = Must not be below { $min }.
post-check-images = At most { $max } images.
post-check-alt = Describe the image for people who cannot see it (required, at most { $max } characters).
post-check-funded-by = No funding programme “{ $given }” in this network’s directory (see /funding).
partnership-check-self = An organisation cannot partner with itself.
partnership-check-not-org = Partnerships are between organisations; this is not one.
partnership-check-year = A year from 1800 to { $year }.
partnership-check-exists = These organisations already have this partnership, or a proposal for it.
partnership-answer-not-yours = Only the organisation asked may accept or decline; this proposal is your own.
partnership-answered-already = This proposal was answered already.
account-check-username = 3 to 64 letters, digits, “.”, “_” or “-”.
account-check-password = At least { $min } characters.
account-check-taken = The username “{ $name }” is taken.
org-check-handle = 1 to 64 lowercase letters, digits, “-”, “_” or “.”, starting with a letter or digit.
org-check-handle-taken = The handle “{ $handle }” is taken.
code-check-country = Starts with { $start } but the organisation’s country is { $country }.
code-check-lau-form = A LAU code is the country code in capitals, “_” and the national municipal code, e.g. DE_05913000.
code-check-lau-digits = { $prefix }_ and { $n } digits, e.g. { $example }.
code-check-lau-fr = FR_ and the 5-character INSEE code, e.g. FR_80021 or FR_2A004.
code-check-lau-other = The country code, “_” and 1 to 12 letters or digits.
code-check-nuts-form = A NUTS code is the country code and 1 to 3 letters or digits, e.g. DEA52.
search-q-empty = The search is empty.
search-q-too-long = The search is longer than { $max } characters.
search-q-control = The search holds control characters.
search-q-unclosed = A quotation mark is not closed: write “two words” for a phrase.
search-q-no-words = The search holds no words.
search-q-only-excluded = Say what to find, not only what to leave out.
search-q-too-many = The search has more than { $max } words and phrases.
## person
person-profile-intro = Writes in this network's forum as themselves.
person-address = Fediverse address
person-writings = Threads and comments
person-nothing-yet = Nothing written yet.
person-comment = Comment
person-settings-title = Writing as yourself
person-settings-intro = Beside your organisations, you can write in the forum as yourself: a person of your own on the fediverse, with the name you choose. It is off until you turn it on.
person-is-on = On. Your address:
person-is-off = Off: you write as one of your organisations only.
person-handle = Handle
person-handle-hint = Chosen once: it is part of your address and does not change later.
person-name = Name shown
person-save = Save
person-turn-on = Write as myself
person-turn-off = Turn off and delete
person-turn-off-warning = Turning it off deletes this person, here and on the other servers that know it, with everything written as it. The handle stays yours.
person-saved = Saved.
person-turned-off = Turned off: the person and what it wrote are deleted.
person-handle-taken = This handle is taken.
person-handle-fixed = The handle was chosen once and does not change.
person-handle-malformed = 1–64 lowercase letters, digits, “-”, “_” or “.”, starting with a letter or digit.
person-name-too-long = At most 100 characters, on one line.
person-myself = myself
person-set-up = Write as yourself
