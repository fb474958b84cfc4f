"""A synthetic year of records at a chosen scale, for the benchmarks.

    python -m bench.generate --scale 100k [--year 2026] [--database-url URL]

The scale is the number of suggestions (1k, 10k, 100k, 1m or any number such
as 200). Every other register follows the proportions of the 2018 demo year
(``manage.py load_demo``: 82 suggestions, 5 reception sessions with 21 issues,
27 duty activities with 289 attendances, 7 duty reports, 22 articles with 45
submissions, 69 replies, 42 ratings, 377 timeline entries):

* records that the report counts grow linearly with the scale: suggestions
  with their replies, ratings and timeline, reception sessions with their
  issues and deputies, duty activities that are counted (study sessions,
  inspections, activity days, briefings) with their attendance, duty reports,
  articles and submissions;
* people, places and the events the report names one by one grow with the
  square root of the scale: communities, constituencies, deputies, stations
  (with their eight-haves checks), training trips, symposiums, poverty visits,
  law inspections, delegation visits, by-elections, escalations, key works and
  plan items. A street with ten times the residents' opinions does not have ten
  times the deputies, and a report listing thousands of trips by name would
  measure nothing real.

Names, phones and addresses are invented by Faker (zh_CN) with a fixed seed,
so two runs at the same scale make the same records. No photos are made and no
history rows are written (bulk inserts bypass django-simple-history).

The command wipes the target database's records and rebuilds them: it runs
``migrate`` (creating the database first if it is missing), then empties every
table of the portal except the migrations, content types, permissions and role
groups, then inserts. To guard against a wrong ``--database-url`` it refuses a
database that holds records unless its name contains ``bench`` or
``--wipe`` is given. On PostgreSQL the rows go in through COPY; elsewhere
(SQLite, the tests) through ``bulk_create``.
"""
