# Every text of the public pages (home, find help, service and organisation pages,
# error pages), in English. This file is the reference: every other locale of
# locales.toml defines exactly the same ids and attributes, with the same variables.
#
# Variables in { $braces } are filled in by the server; keep them, in whatever place
# the sentence needs. Labels of vocabularies (countries, kinds of support, groups,
# languages, regions) are not here: they come from taxonomy.ftl and countries.ftl.
# Numbers ({ $count }, { $services }, ...) choose the plural form: write one variant
# per plural category of your language (CLDR), and always keep *[other].

## Shared by every page

# The name of the site; keep it as it is unless your language writes it otherwise.
common-brand = Torchlight
# The browser tab: the page's own title, then the site's name.
common-page-title = { $title } · Torchlight
# Hidden link for keyboard and screen-reader users, first on every page.
common-skip = Skip to content
common-quick-exit = Leave quickly
# Name of the main navigation, read out by screen readers.
common-nav-label = Main
common-nav-find = Find help
# Name of the list of languages at the top of every page.
common-language-switch = Language
common-footer = Torchlight does not track you, sets no cookies on public pages and loads nothing from other sites. If someone may check this device, use a private window or Tor Browser.
# A region followed by its country, e.g. "Bishkek (Kyrgyzstan)".
common-region-in-country = { $region } ({ $country })
# Between the items of a list, e.g. "Russian, English".
common-list-separator = ,{" "}
# Between the reasons why a service matches.
common-reason-separator = ;{" "}
# How a service works.
common-format-online = online
common-format-in_person = in person
common-format-requires_travel = requires travel

## Response times: how fast a service usually answers ("Usually answers within 3 days")

time-hours = { $count ->
    [one] within { $count } hour
   *[other] within { $count } hours
}
time-days = { $count ->
    [one] within { $count } day
   *[other] within { $count } days
}
time-weeks = { $count ->
    [one] within { $count } week
   *[other] within { $count } weeks
}

## Home page

home-title = Help for human rights defenders at risk
home-lead = Torchlight lists { $services ->
        [one] { $services } service
       *[other] { $services } services
    } from { $organizations ->
        [one] { $organizations } organisation
       *[other] { $organizations } organisations
    } that protect human rights defenders: lawyers, doctors, psychologists, emergency grants, digital security, shelter and more. Tell us where you are and what you need.
home-by-country = Help by country
home-safety-heading = Before you ask for help
# $legal and $medical are the names of two kinds of support, as the search form shows them.
home-safety = Each service says who it is for, how fast it usually answers and whether you need to travel. Contact the organisation through the channel it lists. If you are in danger right now, choose “{ $legal }” or “{ $medical }”: those services answer fastest.

## Find help: the search form (on the home page too)

find-title = Find help
find-form-label = Find help
find-country-label = Where are you?
find-country-any = Any country
# Group of the country list holding the eight countries Torchlight was made for.
find-countries-focus = Countries of the coalition
find-countries-other = Other countries
find-region-label = Region (optional)
find-region-any = Whole country
# A region under occupation, in the list of regions.
find-region-occupied = { $region } (occupied)
find-support-label = What do you need?
find-support-any = Any kind of support
find-more = More filters
find-group-label = Your work or community (optional)
find-group-any = Any
find-language-label = Language
find-language-any = Any language
find-format-label = How
find-format-any = Any way
find-family-label = My family members need help too
find-submit = Find help

## Find help: the results

# What was searched for, as the results' heading and the page title.
find-summary-any-support = Any support
# $support is a kind of support (or "Any support"), $place a country or region.
find-summary-in-place = { $support } in { $place }
find-results-heading = { $summary }: { $count ->
        [one] { $count } service
       *[other] { $count } services
    }
find-paging-info = Showing { $first }–{ $last } of { $total }.
find-why = Why it matches:
# $time is one of the response times above, e.g. "within 3 days".
find-answers = Usually answers { $time }
find-closed = not taking requests at the moment
# Name of the links to other pages of results, read out by screen readers.
find-paging-label = Result pages
find-previous = Previous page
find-next = Next page
find-no-match-heading = { $summary }: no service matches all of your choices
find-nothing = No service in the directory covers this yet.
find-another-search = Start another search
find-suggestions-intro = Try one of these instead:
# After a suggested search: how many services it finds.
find-suggestion-count = ({ $count ->
        [one] { $count } service
       *[other] { $count } services
    })

## Suggested searches when nothing matches

suggest-whole-country = Search the whole country instead of one region
suggest-any-language = Include services in other languages
suggest-any-format = Include services in other formats
suggest-any-group = Include services open to every defender
suggest-without-family = Include services for the defender only
suggest-international = The same support from international and regional providers covering the country
suggest-other-support = Other kinds of support available in the country

## Why a service matches a search (joined into one line; the first letter is capitalised)

# $place is a country, or a region with its country.
reason-covers = covers { $place }
reason-worldwide = international provider reaching any country
reason-exile = for defenders from { $country } living in exile
reason-remote = reaches remote and rural areas
# $group is a group of defenders, e.g. "Journalists and media workers".
reason-group = for { $group }
reason-everyone = open to every defender
# $language is a language's name, e.g. "Russian".
reason-language = works in { $language }
reason-family = family members can apply too

## Service page

# Followed by the organisation's name, as a link.
service-offered-by = Offered by
service-closed = This service is not taking requests at the moment. Its organisation may still point you to others.
service-eligibility-heading = Who can ask for it
service-answers = Usually answers
service-how = How
service-travel = you will need to travel
service-family = Family members
service-family-yes = Can ask for help too
service-family-no = Not covered by this service
service-for = For
service-every-defender = Every defender
service-languages = Languages
service-where = Where
service-coverage-worldwide = Any country
service-coverage-country = All of { $country }
service-coverage-exile = Defenders from { $country } living in exile
service-coverage-remote = Remote and rural areas as well as cities
service-contact-heading = How to reach them
service-website = Website

## Organisation page

org-works-in = Works in
org-regions = Regions
org-languages = Languages
org-contact = Contact
org-website = Website
org-services = Services
# One of the organisation's services: its kind of support and how fast it answers.
org-service-line = { $support }, usually answers { $time }
org-closed = (not taking requests at the moment)

## Error pages

error-bad-request-title = This search could not be read
error-not-found-title = Not found
error-internal-title = Something went wrong
error-not-found = There is nothing at this address.
error-internal = Something went wrong on our side. If it happens again, quote reference { $reference }.
# $parameter is the name of a search parameter as it appears in the address, e.g. "country".
error-bad-value = The value of «{ $parameter }» is not valid.
# Introduces the technical explanation, which is always in English.
error-detail = Details (in English):
error-unknown-parameter = «{ $parameter }» is not part of a search. A search takes: { $parameters }.
error-repeated-parameter = «{ $parameter }» is given more than once.
error-query-unreadable = The address of this search cannot be read.
# $value is what was given instead of a page number.
error-page-number = «{ $value }» is not a page number.
error-page-out-of-range = { $pages ->
        [one] There is only { $pages } page of results.
       *[other] There are only { $pages } pages of results.
    }
error-new-search = Start a new search
error-home = Go to the home page

## Refusals shared by the public and staff pages

error-forbidden-title = Not allowed
error-forbidden = Your role does not allow this. Ask your organisation's administrator if you need it.
error-csrf = This form has expired or did not come from this site. Go back, reload the page and try again.
error-sealed-title = The server is sealed
error-sealed = The server is sealed: its keys are not in memory, so no case can be read. Public pages and requests for help still work. Trustees can unseal it.
error-throttled-title = Too many attempts
error-throttled = { $minutes ->
    [one] Too many attempts. Try again in { $minutes } minute.
   *[other] Too many attempts. Try again in { $minutes } minutes.
}
error-invalid-title = This could not be accepted
error-invalid-input = Something in the form cannot be accepted.
error-conflict-title = Changed meanwhile
error-conflict = Someone else changed this meanwhile, so nothing was changed now. Reload the page and try again.
error-too-large-title = Too long to send
error-too-large = What you sent is longer than this server accepts ({ $kib } KB), so nothing was saved. Go back: your browser usually keeps what you typed. Shorten the longest text and send it again.
