# Staff pages: signing in, cases, accounts, keys, unsealing.
# Shown to caseworkers and administrators of coalition members; translated into
# the languages listed for `staff` in locales.toml.

staff-brand = Torchlight · staff
staff-nav-label = Staff
staff-nav-home = Staff home
staff-error-home = Go to the staff home
staff-public-directory = The public directory, to find help to refer people to
staff-nav-cases = Cases
staff-nav-users = Accounts
staff-nav-overview = Overview
staff-sign-out = Sign out
staff-panic = Seal the server now
staff-panic-hint = In a raid or if you suspect a break-in: every key leaves memory at once. Trustees must unseal it again.

## Signing in

staff-login-title = Staff sign-in
staff-username = Username
staff-password = Password
staff-sign-in = Sign in
staff-login-hint = Signing in needs your password and then a code from your authenticator app. After 5 wrong attempts the account waits 15 minutes.
staff-login-wrong = The username or password is wrong.
staff-password-title = Choose a new password
staff-password-lead = Choose a password only you know. A long phrase of several words is easiest to remember and hardest to guess.
staff-new-password = New password
staff-new-password-hint = At least 12 characters.
staff-repeat-password = Repeat the new password
staff-save = Save
staff-password-mismatch = The two passwords are not the same.
staff-password-too-short = The password must have at least 12 characters.
staff-password-too-long = The password must have at most 256 characters.
staff-enrol-title = Set up your authenticator app
staff-enrol-lead = Case data needs a second factor. Scan this code with an authenticator app (for example Aegis, FreeOTP or Google Authenticator), then type the 6-digit code it shows.
staff-enrol-qr = QR code for your authenticator app
staff-enrol-manual = Or type this key into the app by hand:
staff-enrol-link = Using this phone? Open the key in your authenticator app
staff-enrol-confirm = Confirm
staff-code = Code
staff-code-wrong = This code is not valid. Check the time on your phone and try the newest code.
staff-recovery-title = Your recovery codes
staff-recovery-lead = If you lose your phone, each of these codes lets you sign in once instead of a 6-digit code. Write them on paper and keep them apart from your phone. They are shown only now.
staff-recovery-done = I have written them down
staff-verify-title = Second factor
staff-verify-hint = The 6-digit code from your authenticator app, or one of your recovery codes.
staff-verify-confirm = Continue

## Staff home and account

staff-home-title = Welcome, { $name }
staff-account = Your account
staff-recovery-left = { $count ->
    [one] You have { $count } unused recovery code.
   *[other] You have { $count } unused recovery codes.
}
staff-change-password = Change your password
staff-sign-out-everywhere = Sign out on every device
staff-rotate-key = Replace the organisation's key
staff-rotate-key-hint = Do this if a device that held the key may be in the wrong hands. Cases stay readable.
staff-rotated = The organisation now uses key version { $version }. Every case key was re-wrapped to it and the old key was deleted.
staff-sealed-now = The server is sealed. No case can be read until trustees unseal it. Public pages and requests for help keep working.

## Roles

role-caseworker = Caseworker
role-coordinator = Coordinator
role-org_admin = Organisation administrator
role-system_admin = System administrator
role-analyst = Analyst

## Cases

staff-cases-title = Cases
staff-cases-none = No cases yet.
staff-case-new = Record a case
staff-case-name = Name
staff-case-contact = Safe way to reach them
staff-case-country = Country
staff-case-urgency = Urgency
staff-case-opened = Opened
staff-case-narrative = What happened
staff-case-save = Save the case
staff-case-saved = The case is saved. Its name, contact and account are stored encrypted.
staff-case-erased = The case is erased for good.
staff-back-to-cases = All cases
staff-case-edit = Edit the case
staff-back-to-case = Back to the case
staff-case-encrypted-hint = The name, contact and account are encrypted before they are stored; only your organisation can read them.
staff-choose = Choose…
staff-form-errors = Please correct the following:
staff-case-access = Who looked at this case
staff-case-erase = Erase this case for good
staff-case-erase-confirm = I understand that this case cannot be recovered, not even from backups.
staff-access-lead = Every reading and change of this case, newest first.
staff-access-when = When
staff-access-who = Who
staff-access-what = What
staff-access-someone-else = Someone outside your organisation, or an operator

urgency-detained_now = Detained now
urgency-threat_to_life = Threat to life
urgency-within_days = Within days
urgency-not_urgent = Not urgent

## Accounts

staff-users-title = Accounts of your organisation
staff-display-name = Name
staff-role = Role
staff-status = Status
staff-actions = Actions
staff-status-active = Active
staff-status-pending = Not yet signed in
staff-status-disabled = Disabled
staff-user-add = Add an account
staff-user-disable = Disable
staff-user-enable = Enable
staff-user-reset = Reset password and second factor
staff-one-time-password = One-time password for { $username }. Give it to them in person or over a secure channel; it is shown only now. They choose their own at first sign-in.

## Overview

staff-overview-lead = Cases across the coalition by country and urgency. Counts below { $k } are not shown, so that no number points at a person.
staff-overview-count = Cases
staff-overview-fewer = fewer than { $k }
staff-overview-other-countries = Every other country

## Unsealing

unseal-title = Unseal the server
unseal-not-initialized = The keyring is not set up yet. An operator runs `torchlight init` on the server.
unseal-unsealed = The server is unsealed.
unseal-sealed = The server is sealed. Enter the passphrase to unseal it.
unseal-shares-progress = The server is sealed. { $entered } of { $threshold } shares entered.
unseal-passphrase = Passphrase
unseal-share = Your share
unseal-submit = Unseal
unseal-refused = Refused. The server stays sealed; if several shares were entered, all trustees must enter theirs again.
unseal-malformed = This is not a valid share. Check it for typos.
unseal-busy = Another passphrase is being checked right now. Try again in a moment.
unseal-crowded = Too many unsealings are in progress at once. Try again in half an hour.

## Security keys

staff-keys-title = Security keys and passkeys
staff-keys-lead = A security key (or a passkey on your phone or laptop) can replace the 6-digit code when you sign in. Your authenticator app and recovery codes keep working.
staff-keys-none = No security key yet.
staff-keys-name = Name of the key
staff-keys-added = Added
staff-keys-last-used = Last used
staff-keys-remove = Remove
staff-keys-add = Add a security key
staff-keys-added-now = The key was added.
staff-keys-failed = The key did not answer, or its answer was refused. Try again.
staff-keys-needs-script = Adding a key needs JavaScript, which this page allows only for this purpose.
staff-keys-disabled = Security keys are not offered on this server: an administrator must set its public address (webauthn_origin).
staff-verify-or-key = Or use your security key:
staff-verify-use-key = Use my security key

## Step-up: confirming who you are before changing how you sign in.
staff-step-up-title = Confirm it is you
staff-step-up-lead = Changing how you sign in needs your current password and a new code from your authenticator app. Your other devices are signed out afterwards.
staff-current-password = Current password
staff-step-up-submit = Confirm
staff-step-up-refused = The password or the code is not right.

staff-nav-requests = New requests
staff-requests-title = New requests
staff-requests-lead = Requests from defenders that nobody has taken up yet, most urgent first. A detained defender or a threat to life comes before anything else.
staff-requests-none = No new requests.
staff-request-needs = Help asked for
staff-request-received = Received
staff-request-anonymous = (no name given)
staff-case-request = What the defender told us
staff-case-entries = Added by the defender since
staff-entry-defender_message = Message from the defender
staff-entry-defender_new_risk = New risk or need reported by the defender
staff-entry-staff_message = Message to the defender
staff-fact-region = Region
staff-fact-locality = Capital or remote
staff-fact-exile = In exile
staff-fact-for-whom = For whom
staff-fact-groups = Groups
staff-fact-risks = Risks
staff-fact-family = Family members who need support
staff-fact-languages = Languages
staff-fact-travel = Can travel
staff-fact-consent = Consent to share
staff-fact-yes = yes
staff-fact-no = no

# The access log's actions in words (`case.view` is staff-action-case-view).
staff-action-case-access-viewed = Looked at who read this case
staff-action-case-bound = Sealed against tampering (signed)
staff-action-case-create = Recorded the case
staff-action-case-erase = Erased the case
staff-action-case-edit = Edited the case
staff-action-case-list = Listed the cases
staff-action-case-listed = Saw it in the list of cases
staff-action-case-status-changed = Changed its status
staff-action-case-tamper-found = Found it tampered with: refused
staff-action-case-view = Opened the case
staff-action-request-create = Sent the request
staff-action-request-message = Wrote a message
staff-action-request-new-risk = Reported a new risk
staff-action-request-reopened = Reopened by a new risk
staff-action-request-view = Looked at the request (defender)
staff-action-request-withdrawn = Withdrew the request
staff-action-case-assign = Assigned the case
staff-action-case-assess = Assessed the risk
staff-action-case-decide = Decided on a need
staff-action-case-message = Wrote to the defender
staff-action-case-support = Recorded support given
staff-action-case-family = Added a family member
staff-action-case-follow-up = Recorded a follow-up

## Case work: triage, assessment, decisions, messages, support, family, follow-ups

staff-nav-triage = Triage
staff-nav-follow-ups = Follow-ups
staff-back-to-triage = Triage queue
staff-case-status = Status
staff-case-risk = Risk
staff-case-assignee = Assigned to
staff-case-first-answer = First answer
staff-case-follow-up = Next follow-up
staff-status-new = New request
staff-status-open = Open
staff-status-closed = Closed
staff-status-take-up = Take it up
staff-status-close = Close the case
staff-status-reopen = Reopen the case
staff-assign-label = Assign to
staff-assign-submit = Assign
staff-assign-me = { $name } (you)
staff-done-assigned = The assignment is saved.
staff-done-status = The status is changed.
staff-done-assessed = The assessment is saved. The next follow-up follows from its level.
staff-done-decided = The decision is saved. The defender sees it, with its reason, on the status page.
staff-done-message = The message is sent. The defender reads it on the status page.
staff-done-support = The support is recorded.
staff-done-family = The family member is added.
staff-done-follow-up = The follow-up is recorded, and the next one scheduled.
staff-done-saved = Saved.

staff-triage-title = Triage queue
staff-triage-lead = Every case not closed, most pressing first: a detained defender or a threat to life before anything else, then the highest assessed risk, then the longest waiting. A case not yet assessed comes after those known to be critical or high.
staff-triage-views = Which cases
staff-triage-view-all = All open cases
staff-triage-view-shared = Shared queue (nobody assigned)
staff-triage-view-mine = Assigned to me
staff-triage-open = Open
staff-triage-unassigned-count = Nobody assigned
staff-triage-overdue-count = Overdue
staff-triage-target = First answer within
staff-triage-total = All
staff-triage-hours = { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
}
staff-triage-none = No case here.
staff-triage-no-names = The queue shows no names, so reading it opens no case. Open a case to read it; that is recorded.
staff-triage-case-heading = Case
staff-triage-case = Case …{ $id }
staff-triage-waiting = Waiting since
staff-triage-pages = Pages of the queue
staff-triage-previous = Previous page
staff-triage-next = Next page
staff-triage-unassigned = Nobody (shared queue)
staff-triage-due = Due by { $when }
staff-triage-overdue = Overdue since { $when }
staff-triage-answered = Answered in time
staff-triage-answered-late = Answered late

staff-targets-title = Time targets
staff-targets-lead = How soon your organisation promises a first answer, by urgency. A more urgent case may not be given longer than a less urgent one.
staff-targets-unit = hours
staff-targets-submit = Save the targets
staff-targets-out-of-range = Each target must be from 1 to { $most } hours.
staff-targets-out-of-order = A more urgent case may not be given longer than a less urgent one.

staff-risk-heading = Risk assessment
staff-risk-none = Not assessed yet.
staff-risk-assess = Assess the risk
staff-risk-assess-lead = Score each factor from 0 (none) to 3 (high), from what you know now. The level follows from threats × vulnerabilities ÷ capacities; the next reassessment follows from the level: 7 days when critical, 14 when high, 30 when medium, 90 when low.
staff-risk-low = Low
staff-risk-medium = Medium
staff-risk-high = High
staff-risk-critical = Critical
staff-risk-unassessed = Not assessed yet
staff-risk-reasoning = Threats { $threats } × vulnerabilities { $vulnerabilities } ÷ capacities { $capacities } = { $score }.
staff-risk-strongest-threats = Strongest threats: { $factors }.
staff-risk-strongest-vulnerabilities = Greatest vulnerabilities: { $factors }.
staff-risk-weakest-capacities = Weakest capacities: { $factors }.
staff-risk-threat-heading = Threats
staff-risk-threat-lead = What makes harm likely to come.
staff-risk-vulnerability-heading = Vulnerabilities
staff-risk-vulnerability-lead = What makes the defender easier to harm.
staff-risk-capacity-heading = Capacities
staff-risk-capacity-lead = What protects the defender already. High capacities lower the risk.
staff-risk-threat-explicit = Threats received
staff-risk-threat-explicit-hint = In words, in writing or online.
staff-risk-threat-pattern = Attacks on others like them
staff-risk-threat-pattern-hint = On defenders of the same work, group or place lately.
staff-risk-threat-source-capacity = The source's means and will
staff-risk-threat-source-capacity-hint = Of the state, a group or a person to act on the threats.
staff-risk-threat-escalation = Escalation
staff-risk-threat-escalation-hint = Surveillance, summons, searches, proceedings under way.
staff-risk-vulnerability-exposure = Exposure
staff-risk-vulnerability-exposure-hint = Known, visible and reachable: an address, a face, a public role.
staff-risk-vulnerability-isolation = Isolation
staff-risk-vulnerability-isolation-hint = No colleagues, network or organisation around them.
staff-risk-vulnerability-digital = Digital exposure
staff-risk-vulnerability-digital-hint = Devices, accounts and messages open to the source.
staff-risk-vulnerability-dependants = Dependants
staff-risk-vulnerability-dependants-hint = Family or others who can be used against them.
staff-risk-vulnerability-remoteness = Remoteness
staff-risk-vulnerability-remoteness-hint = Far from the capital, lawyers and help; or in exile without papers.
staff-risk-capacity-network = Network
staff-risk-capacity-network-hint = Allies, networks and organisations that will act for them.
staff-risk-capacity-practices = Security practices
staff-risk-capacity-practices-hint = Plans, safe communication, safe places.
staff-risk-capacity-resources = Resources
staff-risk-capacity-resources-hint = Access to a lawyer, money, a way to leave.
staff-risk-capacity-wellbeing = Wellbeing
staff-risk-capacity-wellbeing-hint = Rest, care and the strength to go on.
staff-risk-score-0 = 0 none
staff-risk-score-1 = 1 low
staff-risk-score-2 = 2 medium
staff-risk-score-3 = 3 high
staff-risk-unscored = Please score every factor. Not scored: { $factors }.
staff-risk-unscored-one = Please score this factor.
staff-risk-note = Your reasoning (optional, stored encrypted)
staff-risk-submit = Save the assessment

staff-decisions-heading = Decisions
staff-decisions-no-needs = The defender named no needs yet.
staff-decide = Decide
staff-decide-again = Change the decision
staff-decide-any = Record a decision
staff-decision-need = Need
staff-decision-outcome = Decision
staff-outcome-granted = Granted
staff-outcome-refused = Refused
staff-outcome-referred = Referred to another organisation
staff-decision-reason = Reason for a refusal
staff-decision-reason-none = (choose a reason when refusing)
staff-decision-explanation = Explanation for the defender
staff-decision-explanation-hint = Needed when refusing. The defender reads it on the status page: write it for them, in plain words, and never name anyone who could be put at risk.
staff-decision-submit = Save the decision
staff-person-defender = The defender

staff-messages-heading = Messages with the defender
staff-messages-none = No messages yet.
staff-message-label = Write to the defender
staff-message-hint = The defender reads it on the status page with their codename. It is stored encrypted under the case's key.
staff-message-submit = Send the message

staff-support-heading = Support given
staff-support-none = No support recorded yet.
staff-support-context = Earlier support is context, never a reason to refuse new support.
staff-support-add = Record support given
staff-support-what = Support
staff-support-person = For whom
staff-support-amount = Amount
staff-support-amount-hint = Only for money, such as 1500 or 1500.50. No receipt is needed.
staff-support-currency = Currency (such as KGS, GEL, EUR)
staff-support-from = From (year-month-day)
staff-support-to = Until (optional)
staff-support-dates = Dates
staff-support-provider = Given by
staff-support-notes = Notes (optional)
staff-support-submit = Save the support record

staff-family-heading = Family members
staff-family-none = No family member recorded.
staff-family-add = Add a family member
staff-family-name = Name
staff-family-relation = Relation (such as daughter, husband)
staff-family-needs = What they need (they can receive support in their own right)
staff-family-submit = Add the family member

staff-follow-ups-heading = Follow-ups
staff-follow-ups-none = No follow-up recorded yet.
staff-follow-up-note = What the follow-up found (optional)
staff-follow-up-submit = Record a follow-up
staff-follow-ups-title = Follow-ups due
staff-follow-ups-lead = Cases due for a follow-up within a week, and those overdue, soonest first. An assessment sets the next one from its level; a new risk reported by the defender makes it due at once.
staff-follow-ups-nothing-due = Nothing is due this week.
staff-follow-ups-due-now = due now

staff-language-label = Language of your staff pages
staff-language-browser = As my browser asks
staff-language-submit = Save the language
staff-action-staff-locale = Chose the language of their staff pages
staff-action-cases-imported = Imported from a file
staff-action-cases-import = Imported cases from a file

## A request's choices, as staff read them
staff-choice-locality-capital = In or near the capital
staff-choice-locality-remote = In a remote area
staff-choice-for-whom-self = The defender, for themselves
staff-choice-for-whom-someone_else = Someone asking on the defender's behalf
staff-choice-stage-potential = feared
staff-choice-stage-materialised = happened
staff-choice-affects-defender = the defender
staff-choice-affects-family = their family
staff-choice-affects-organisation = their organisation
staff-choice-onset-new = new
staff-choice-onset-ongoing = ongoing for some time
staff-choice-consent-none = Keep it with this organisation only
staff-choice-consent-named = Share only with the organisations named
staff-choice-consent-coalition = Share with coalition members who can help
