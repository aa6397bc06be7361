# Texts of the public pages in Azerbaijani (Latin script). The reference is
# locales/en/public.ftl: same ids, attributes and variables. Plurals (CLDR): one, other;
# a noun after a number stays singular in Azerbaijani, so both variants read the same.
# Place names and labels come undeclined from countries.ftl and taxonomy.ftl, so sentences
# put them after a colon rather than add case endings to them.
# The reasons below are joined into one line whose first letter is capitalised; none starts
# with "i", whose capital in Azerbaijani is "İ", not "I".
# A comment line starting "uncertain:" asks a native reviewer to check the string below it.

## Shared by every page

common-brand = Torchlight
common-page-title = { $title } · Torchlight
common-skip = Məzmuna keçin
# uncertain
common-quick-exit = Tez çıx
common-nav-label = Əsas menyu
common-nav-find = Kömək tapın
common-language-switch = Dil
common-footer = Torchlight sizi izləmir, ictimai səhifələrdə kuki (cookie) saxlamır və başqa saytlardan heç nə yükləmir. Əgər kimsə bu cihazı yoxlaya bilərsə, gizli pəncərədən və ya Tor Browser-dən istifadə edin.
common-region-in-country = { $region } ({ $country })
common-list-separator = ,{" "}
common-reason-separator = ;{" "}
common-format-online = onlayn
common-format-in_person = üzbəüz
common-format-requires_travel = səfər tələb olunur

## Response times ("Adətən 3 gün ərzində cavab verir")

time-hours = { $count ->
    [one] { $count } saat ərzində
   *[other] { $count } saat ərzində
}
time-days = { $count ->
    [one] { $count } gün ərzində
   *[other] { $count } gün ərzində
}
time-weeks = { $count ->
    [one] { $count } həftə ərzində
   *[other] { $count } həftə ərzində
}

## Home page

home-title = Risk altında olan hüquq müdafiəçilərinə kömək
home-lead = Torchlight saytında hüquq müdafiəçilərini qoruyan { $organizations ->
        [one] { $organizations } təşkilatın
       *[other] { $organizations } təşkilatın
    } { $services ->
        [one] { $services } xidməti
       *[other] { $services } xidməti
    } var: vəkillər, həkimlər, psixoloqlar, təcili qrantlar, rəqəmsal təhlükəsizlik, sığınacaq və s. Harada olduğunuzu və nəyə ehtiyacınız olduğunu bildirin.
home-by-country = Ölkələr üzrə kömək
home-safety-heading = Kömək istəməzdən əvvəl
home-safety = Hər xidmətdə onun kimin üçün olduğu, adətən nə qədər tez cavab verdiyi və səfər etməyin lazım olub-olmadığı göstərilir. Təşkilatla onun göstərdiyi kanal vasitəsilə əlaqə saxlayın. Əgər hazırda təhlükədəsinizsə, “{ $legal }” və ya “{ $medical }” seçin: bu xidmətlər ən tez cavab verir.

## Find help: the search form (on the home page too)

find-title = Kömək tapın
find-form-label = Kömək tapın
find-country-label = Haradasınız?
find-country-any = İstənilən ölkə
find-countries-focus = Koalisiya ölkələri
find-countries-other = Digər ölkələr
find-region-label = Region (istəyə görə)
find-region-any = Bütün ölkə
find-region-occupied = { $region } (işğal altında)
find-support-label = Nəyə ehtiyacınız var?
find-support-any = İstənilən dəstək
find-more = Əlavə filtrlər
find-group-label = Fəaliyyətiniz və ya icmanız (istəyə görə)
find-group-any = İstənilən
find-language-label = Dil
find-language-any = İstənilən dil
find-format-label = Format
find-format-any = İstənilən format
find-family-label = Ailə üzvlərimin də köməyə ehtiyacı var
find-submit = Kömək tapın

## Find help: the results

find-summary-any-support = İstənilən dəstək
find-summary-in-place = { $support }: { $place }
find-results-heading = { $summary } — { $count ->
        [one] { $count } xidmət
       *[other] { $count } xidmət
    }
find-paging-info = Göstərilir: { $first }–{ $last }, cəmi { $total }.
find-why = Niyə uyğundur:
find-answers = Adətən { $time } cavab verir
find-closed = hazırda müraciət qəbul etmir
find-paging-label = Nəticə səhifələri
find-previous = Əvvəlki səhifə
find-next = Növbəti səhifə
find-no-match-heading = { $summary } — seçimlərinizin hamısına uyğun xidmət yoxdur
find-nothing = Kataloqda hələ bunu əhatə edən xidmət yoxdur.
find-another-search = Yeni axtarışa başlayın
find-suggestions-intro = Bunun əvəzinə bunlardan birini sınayın:
find-suggestion-count = ({ $count ->
        [one] { $count } xidmət
       *[other] { $count } xidmət
    })

## Suggested searches when nothing matches

suggest-whole-country = Bir region əvəzinə bütün ölkədə axtarın
suggest-any-language = Başqa dillərdə işləyən xidmətləri də daxil edin
suggest-any-format = Başqa formatlardakı xidmətləri də daxil edin
suggest-any-group = Bütün hüquq müdafiəçilərinə açıq olan xidmətləri də daxil edin
suggest-without-family = Yalnız hüquq müdafiəçisinin özü üçün olan xidmətləri də daxil edin
suggest-international = Bu ölkəni əhatə edən beynəlxalq və regional təşkilatlardan eyni dəstək
suggest-other-support = Ölkədə mövcud olan digər dəstək növləri

## Why a service matches a search (joined into one line; the first letter is capitalised)

reason-covers = əhatə edir: { $place }
reason-worldwide = beynəlxalq təşkilat, istənilən ölkəyə kömək göstərir
# uncertain: the country stays undeclined, so it follows a colon ("for defenders in emigration: Belarus")
reason-exile = mühacirətdə olan hüquq müdafiəçiləri üçün: { $country }
reason-remote = ucqar və kənd yerlərinə də çatır
reason-group = nəzərdə tutulub: { $group }
reason-everyone = bütün hüquq müdafiəçilərinə açıqdır
reason-language = bu dildə işləyir: { $language }
reason-family = ailə üzvləri də müraciət edə bilər

## Service page

service-offered-by = Təklif edən:
service-closed = Bu xidmət hazırda müraciət qəbul etmir. Onun təşkilatı sizi başqa yerlərə yönləndirə bilər.
service-eligibility-heading = Kim müraciət edə bilər
service-answers = Adətən cavab verir
service-how = Format
service-travel = səfər etməli olacaqsınız
service-family = Ailə üzvləri
service-family-yes = Onlar da kömək istəyə bilər
service-family-no = Bu xidmət onları əhatə etmir
service-for = Kimin üçün
service-every-defender = Bütün hüquq müdafiəçiləri
service-languages = Dillər
service-where = Harada
service-coverage-worldwide = İstənilən ölkə
service-coverage-country = Bütün { $country }
service-coverage-exile = Mühacirətdə olan hüquq müdafiəçiləri: { $country }
service-coverage-remote = Təkcə şəhərlər deyil, ucqar və kənd yerləri də
service-contact-heading = Onlarla necə əlaqə saxlamaq olar
service-website = Veb sayt

## Organisation page

org-works-in = Fəaliyyət göstərdiyi yerlər
org-regions = Regionlar
org-languages = Dillər
org-contact = Əlaqə
org-website = Veb sayt
org-services = Xidmətlər
org-service-line = { $support }, adətən { $time } cavab verir
org-closed = (hazırda müraciət qəbul etmir)

## Error pages

error-bad-request-title = Bu axtarışı oxumaq mümkün olmadı
error-not-found-title = Tapılmadı
error-internal-title = Xəta baş verdi
error-not-found = Bu ünvanda heç nə yoxdur.
error-internal = Bizim tərəfdə xəta baş verdi. Bu təkrarlansa, bu kodu göstərin: { $reference }.
error-bad-value = «{ $parameter }» parametrinin dəyəri düzgün deyil.
error-detail = Təfərrüatlar (ingilis dilində):
error-unknown-parameter = «{ $parameter }» axtarış parametri deyil. Axtarış bu parametrləri qəbul edir: { $parameters }.
error-repeated-parameter = «{ $parameter }» bir dəfədən çox verilib.
error-query-unreadable = Bu axtarışın ünvanını oxumaq mümkün deyil.
error-page-number = «{ $value }» səhifə nömrəsi deyil.
error-page-out-of-range = { $pages ->
        [one] Cəmi { $pages } nəticə səhifəsi var.
       *[other] Cəmi { $pages } nəticə səhifəsi var.
    }
error-new-search = Yeni axtarışa başlayın
error-home = Ana səhifəyə keçin

## Refusals shared by the public and staff pages

error-forbidden-title = İcazə verilmir
error-forbidden = Rolunuz buna icazə vermir. Bu sizə lazımdırsa, təşkilatınızın administratoruna müraciət edin.
error-csrf = Bu formanın vaxtı bitib və ya o, bu saytdan göndərilməyib. Geri qayıdın, səhifəni yeniləyin və yenidən cəhd edin.
# uncertain (this and the next message): seal/unseal rendered as "möhürləmək"/"möhürü açmaq" and trustees as "etibarlı şəxslər"; "iş" for a case
error-sealed-title = Server möhürlənib
error-sealed = Server möhürlənib: onun açarları yaddaşda deyil, buna görə heç bir işi oxumaq mümkün deyil. İctimai səhifələr və kömək müraciətləri işləməyə davam edir. Etibarlı şəxslər serverin möhürünü aça bilər.
error-throttled-title = Həddindən artıq cəhd
error-throttled = { $minutes ->
    [one] Həddindən artıq cəhd. { $minutes } dəqiqədən sonra yenidən cəhd edin.
   *[other] Həddindən artıq cəhd. { $minutes } dəqiqədən sonra yenidən cəhd edin.
}
error-invalid-title = Bunu qəbul etmək mümkün deyil
error-invalid-input = Formadakı bəzi məlumatları qəbul etmək mümkün deyil.
# uncertain (this and the next message): "bu arada" for "meanwhile"
error-conflict-title = Bu arada dəyişdirilib
error-conflict = Bu arada başqa biri bunu dəyişdirdi, ona görə də indi heç nə dəyişdirilmədi. Səhifəni yeniləyin və yenidən cəhd edin.
error-too-large-title = Göndərmək üçün çox uzundur
error-too-large = Göndərdiyiniz məlumat bu serverin qəbul etdiyi həddən ({ $kib } KB) uzundur, ona görə də heç nə saxlanılmadı. Geri qayıdın: brauzer adətən yazdıqlarınızı saxlayır. Ən uzun mətni qısaldın və yenidən göndərin.
