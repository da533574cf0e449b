-- Every name the warehouse compares: seed firm names, aliases, party names as
-- written in documents, and country names and demonyms, with their normalised
-- forms. Normalisation is written once, here:
--   name_exact:   lower case, accents off, every run of non-alphanumerics one space
--   name_key:     name_exact without legal suffixes and articles (inc, corp, sa, gmbh, le, ...)
--   name_compact: name_key without spaces, so "SakanaAI" meets "Sakana AI"
with firms as (
    select * from staging.stg_firms
),

aliases as (
    select * from staging.stg_firm_aliases
),

parties as (
    select * from staging.stg_candidate_parties
),

country_names as (
    select * from staging.stg_country_names
),

names as (
    select firm_name as name from firms
    union
    select alias as name from aliases
    union
    select name from parties
    union
    select name from country_names
),

cleaned as (
    select
        name,
        trim(regexp_replace(
            replace(replace(replace(lower(strip_accents(name)), 'ß', 'ss'), 'œ', 'oe'), 'æ', 'ae'),
            '[^a-z0-9]+', ' ', 'g'
        )) as name_exact
    from names
),

without_suffixes as (
    select
        name,
        name_exact,
        trim(regexp_replace(
            regexp_replace(
                name_exact,
                '\b(inc|incorporated|corp|corporation|ltd|limited|sa|sas|sarl|gmbh|ag|plc|co|group|holdings|holding|kk|llc|the|le|la|les|l)\b',
                ' ', 'g'
            ),
            ' +', ' ', 'g'
        )) as stripped
    from cleaned
),

final as (
    select
        name,
        nullif(name_exact, '') as name_exact,
        -- a name made only of suffixes ("Group") keeps its words
        coalesce(nullif(stripped, ''), nullif(name_exact, '')) as name_key,
        replace(coalesce(nullif(stripped, ''), nullif(name_exact, '')), ' ', '') as name_compact
    from without_suffixes
)

select * from final
