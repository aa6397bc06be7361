# Texts of the public pages in Georgian. The reference is locales/en/public.ftl: same ids,
# attributes and variables. Plurals (CLDR): one, other; a noun after a number stays singular
# in Georgian, so both variants read the same.
# Place names and labels come undeclined from countries.ftl and taxonomy.ftl, so sentences
# put them after a colon or in brackets rather than add case endings to them.
# A comment line starting "uncertain:" asks a native reviewer to check the string below it.

## Shared by every page

common-brand = Torchlight
common-page-title = { $title } · Torchlight
common-skip = მთავარ შინაარსზე გადასვლა
# uncertain
common-quick-exit = სწრაფად გასვლა
common-nav-label = მთავარი მენიუ
common-nav-find = დახმარების პოვნა
common-language-switch = ენა
common-footer = Torchlight არ გითვალთვალებთ, საჯარო გვერდებზე ქუქი-ფაილებს (cookies) არ იყენებს და სხვა საიტებიდან არაფერს ტვირთავს. თუ ვინმემ შეიძლება ეს მოწყობილობა შეამოწმოს, გამოიყენეთ პირადი (ინკოგნიტო) ფანჯარა ან Tor Browser.
common-region-in-country = { $region } ({ $country })
common-list-separator = ,{" "}
common-reason-separator = ;{" "}
common-format-online = ონლაინ
common-format-in_person = პირისპირ
common-format-requires_travel = საჭიროა მგზავრობა

## Response times ("ჩვეულებრივ პასუხობს 3 დღეში")

time-hours = { $count ->
    [one] { $count } საათში
   *[other] { $count } საათში
}
time-days = { $count ->
    [one] { $count } დღეში
   *[other] { $count } დღეში
}
time-weeks = { $count ->
    [one] { $count } კვირაში
   *[other] { $count } კვირაში
}

## Home page

home-title = დახმარება საფრთხის ქვეშ მყოფი უფლებადამცველებისთვის
home-lead = Torchlight-ში თავმოყრილია { $services ->
        [one] { $services } სერვისი
       *[other] { $services } სერვისი
    } { $organizations ->
        [one] { $organizations } ორგანიზაციისგან
       *[other] { $organizations } ორგანიზაციისგან
    }, რომლებიც უფლებადამცველებს იცავენ: ადვოკატები, ექიმები, ფსიქოლოგები, გადაუდებელი გრანტები, ციფრული უსაფრთხოება, თავშესაფარი და სხვა. მიუთითეთ, სად იმყოფებით და რა გჭირდებათ.
home-by-country = დახმარება ქვეყნების მიხედვით
home-safety-heading = სანამ დახმარებას ითხოვთ
home-safety = თითოეულ სერვისთან მითითებულია, ვისთვისაა ის განკუთვნილი, რამდენად სწრაფად პასუხობს ჩვეულებრივ და საჭიროა თუ არა მგზავრობა. ორგანიზაციას დაუკავშირდით იმ არხით, რომელსაც ის მიუთითებს. თუ ახლა საფრთხეში ხართ, აირჩიეთ „{ $legal }“ ან „{ $medical }“: ეს სერვისები ყველაზე სწრაფად პასუხობენ.

## Find help: the search form (on the home page too)

find-title = დახმარების პოვნა
find-form-label = დახმარების პოვნა
find-country-label = სად იმყოფებით?
find-country-any = ნებისმიერი ქვეყანა
find-countries-focus = კოალიციის ქვეყნები
find-countries-other = სხვა ქვეყნები
find-region-label = რეგიონი (არასავალდებულო)
find-region-any = მთელი ქვეყანა
find-region-occupied = { $region } (ოკუპირებული)
find-support-label = რა გჭირდებათ?
find-support-any = ნებისმიერი დახმარება
find-more = დამატებითი ფილტრები
find-group-label = თქვენი საქმიანობა ან თემი (არასავალდებულო)
find-group-any = ნებისმიერი
find-language-label = ენა
find-language-any = ნებისმიერი ენა
find-format-label = ფორმატი
find-format-any = ნებისმიერი ფორმატი
find-family-label = ჩემი ოჯახის წევრებსაც სჭირდებათ დახმარება
find-submit = დახმარების მოძებნა

## Find help: the results

find-summary-any-support = ნებისმიერი დახმარება
find-summary-in-place = { $support }: { $place }
find-results-heading = { $summary } — { $count ->
        [one] { $count } სერვისი
       *[other] { $count } სერვისი
    }
find-paging-info = ნაჩვენებია { $first }–{ $last }, სულ { $total }.
find-why = რატომ შეესაბამება:
find-answers = ჩვეულებრივ პასუხობს { $time }
find-closed = ამჟამად მოთხოვნებს არ იღებს
find-paging-label = შედეგების გვერდები
find-previous = წინა გვერდი
find-next = შემდეგი გვერდი
find-no-match-heading = { $summary } — არცერთი სერვისი არ შეესაბამება თქვენს ყველა არჩევანს
find-nothing = კატალოგში ჯერ არცერთი სერვისი არ მოიცავს ამას.
find-another-search = ახალი ძიების დაწყება
find-suggestions-intro = სანაცვლოდ სცადეთ ერთ-ერთი ამათგანი:
find-suggestion-count = ({ $count ->
        [one] { $count } სერვისი
       *[other] { $count } სერვისი
    })

## Suggested searches when nothing matches

suggest-whole-country = მოძებნეთ მთელ ქვეყანაში და არა მხოლოდ ერთ რეგიონში
suggest-any-language = ჩართეთ სხვა ენებზე მომუშავე სერვისებიც
suggest-any-format = ჩართეთ სხვა ფორმატის სერვისებიც
suggest-any-group = ჩართეთ ყველა უფლებადამცველისთვის ღია სერვისებიც
suggest-without-family = ჩართეთ მხოლოდ თავად უფლებადამცველისთვის განკუთვნილი სერვისებიც
suggest-international = იგივე დახმარება საერთაშორისო და რეგიონული ორგანიზაციებისგან, რომლებიც ამ ქვეყანაშიც მუშაობენ
suggest-other-support = ამ ქვეყანაში ხელმისაწვდომი სხვა სახის დახმარება

## Why a service matches a search (joined into one line)

reason-covers = მოიცავს: { $place }
reason-worldwide = საერთაშორისო ორგანიზაცია, რომელიც ნებისმიერ ქვეყანაში ეხმარება
# uncertain: the country stays undeclined, so it is put in brackets ("for defenders in emigration (Belarus)")
reason-exile = ემიგრაციაში მყოფი უფლებადამცველებისთვის ({ $country })
reason-remote = შორეულ და სოფლის რაიონებშიც მუშაობს
reason-group = განკუთვნილია: { $group }
reason-everyone = ღიაა ყველა უფლებადამცველისთვის
reason-language = მუშაობს ენაზე: { $language }
reason-family = ოჯახის წევრებსაც შეუძლიათ მიმართვა

## Service page

service-offered-by = სერვისს გთავაზობთ:
service-closed = ეს სერვისი ამჟამად მოთხოვნებს არ იღებს. მისმა ორგანიზაციამ შეიძლება სხვა ორგანიზაციებთან გადაგამისამართოთ.
service-eligibility-heading = ვის შეუძლია მიმართვა
service-answers = ჩვეულებრივ პასუხობს
service-how = ფორმატი
service-travel = მოგიწევთ მგზავრობა
service-family = ოჯახის წევრები
service-family-yes = მათაც შეუძლიათ დახმარების თხოვნა
service-family-no = ეს სერვისი მათ არ მოიცავს
service-for = ვისთვის
service-every-defender = ყველა უფლებადამცველი
service-languages = ენები
service-where = სად
service-coverage-worldwide = ნებისმიერი ქვეყანა
service-coverage-country = მთელი { $country }
service-coverage-exile = ემიგრაციაში მყოფი უფლებადამცველები ({ $country })
service-coverage-remote = შორეული და სოფლის რაიონებიც, არა მხოლოდ ქალაქები
service-contact-heading = როგორ დაუკავშირდეთ
service-website = ვებსაიტი

## Organisation page

org-works-in = საქმიანობის ქვეყნები
org-regions = რეგიონები
org-languages = ენები
org-contact = კონტაქტი
org-website = ვებსაიტი
org-services = სერვისები
org-service-line = { $support }, ჩვეულებრივ პასუხობს { $time }
org-closed = (ამჟამად მოთხოვნებს არ იღებს)

## Error pages

error-bad-request-title = ამ ძიების წაკითხვა ვერ მოხერხდა
error-not-found-title = ვერ მოიძებნა
error-internal-title = რაღაც შეცდომა მოხდა
error-not-found = ამ მისამართზე არაფერია.
error-internal = ჩვენს მხარეს რაღაც შეცდომა მოხდა. თუ ეს განმეორდება, მიუთითეთ კოდი { $reference }.
error-bad-value = პარამეტრის «{ $parameter }» მნიშვნელობა არასწორია.
error-detail = დეტალები (ინგლისურად):
error-unknown-parameter = «{ $parameter }» ძიების პარამეტრი არ არის. ძიება იღებს შემდეგ პარამეტრებს: { $parameters }.
error-repeated-parameter = «{ $parameter }» მითითებულია ერთზე მეტჯერ.
error-query-unreadable = ამ ძიების მისამართის წაკითხვა შეუძლებელია.
error-page-number = «{ $value }» გვერდის ნომერი არ არის.
error-page-out-of-range = { $pages ->
        [one] შედეგების მხოლოდ { $pages } გვერდია.
       *[other] შედეგების მხოლოდ { $pages } გვერდია.
    }
error-new-search = ახალი ძიების დაწყება
error-home = მთავარ გვერდზე გადასვლა

## Refusals shared by the public and staff pages

error-forbidden-title = ნებადართული არ არის
error-forbidden = თქვენი როლი ამის უფლებას არ იძლევა. თუ ეს გჭირდებათ, მიმართეთ თქვენი ორგანიზაციის ადმინისტრატორს.
error-csrf = ამ ფორმას ვადა გაუვიდა ან ის ამ საიტიდან არ არის გამოგზავნილი. დაბრუნდით უკან, განაახლეთ გვერდი და სცადეთ თავიდან.
# uncertain (this and the next message): seal/unseal rendered as "დალუქვა"/"ლუქის მოხსნა" and trustees as "მინდობილი პირები"; "საქმე" for a case
error-sealed-title = სერვერი დალუქულია
error-sealed = სერვერი დალუქულია: მისი გასაღებები მეხსიერებაში არ არის, ამიტომ ვერც ერთი საქმის წაკითხვა ვერ ხერხდება. საჯარო გვერდები და დახმარების მოთხოვნები ისევ მუშაობს. მინდობილ პირებს შეუძლიათ სერვერს ლუქი მოხსნან.
error-throttled-title = ძალიან ბევრი მცდელობა
error-throttled = { $minutes ->
    [one] ძალიან ბევრი მცდელობა. სცადეთ ხელახლა { $minutes } წუთში.
   *[other] ძალიან ბევრი მცდელობა. სცადეთ ხელახლა { $minutes } წუთში.
}
error-invalid-title = ამის მიღება შეუძლებელია
error-invalid-input = ფორმაში ზოგიერთი მონაცემის მიღება შეუძლებელია.
# uncertain (this and the next message): "ამასობაში" for "meanwhile"
error-conflict-title = ამასობაში შეიცვალა
error-conflict = ამასობაში ეს სხვამ შეცვალა, ამიტომ ახლა არაფერი შეცვლილა. განაახლეთ გვერდი და სცადეთ ხელახლა.
error-too-large-title = გასაგზავნად ძალიან გრძელია
error-too-large = რაც გაგზავნეთ, იმაზე გრძელია, რასაც ეს სერვერი იღებს ({ $kib } კბ), ამიტომ არაფერი შენახულა. დაბრუნდით უკან: ბრაუზერი ჩვეულებრივ ინახავს იმას, რაც აკრიფეთ. შეამოკლეთ ყველაზე გრძელი ტექსტი და ხელახლა გაგზავნეთ.
