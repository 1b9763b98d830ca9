# Writes stories.jsonl: labelled near-duplicate fixtures for StoryClusteringTest.
# Each story has a base text and edited versions as real outlets make them: a new lede, a dropped
# or added paragraph, a trimmed ending, changed attribution, rounded numbers. "label" is the true
# story; singletons on the same topics ("distinct-*") must not merge with anything.
import json

def S(*sentences): return list(sentences)

stories = {
 "quake": S("A magnitude 6.4 earthquake struck off the coast of northern Chile on Tuesday, the national seismology centre said.",
   "The quake hit at 4:12 a.m. local time at a depth of 35 kilometres, about 80 kilometres west of the port city of Iquique.",
   "Residents in Iquique and Arica reported strong shaking that knocked goods from shelves and cut power to several neighbourhoods.",
   "The navy's oceanographic service said the quake did not meet the conditions to generate a tsunami along the Chilean coast.",
   "Authorities said there were no immediate reports of deaths, although two people were treated for minor injuries after falling debris.",
   "Chile sits on the Pacific Ring of Fire and is one of the most seismically active countries in the world."),
 "ecb": S("The European Central Bank left its key deposit rate unchanged at 3.25 percent on Thursday, pausing after three consecutive cuts.",
   "President Christine Lagarde told reporters in Frankfurt that inflation in the euro zone was moving towards the bank's two percent target but that wage growth remained strong.",
   "Policymakers want more evidence that services inflation is cooling before easing policy further, she said.",
   "Markets had widely expected the pause, and the euro was little changed against the dollar after the announcement.",
   "Economists polled before the meeting mostly expect another quarter point cut in December."),
 "wildfire": S("A wildfire fanned by strong winds forced the evacuation of about 3,000 residents from villages north of Athens on Sunday.",
   "Firefighters backed by eleven water-dropping aircraft battled the blaze, which broke out in dry scrubland near the town of Varnavas.",
   "The civil protection ministry sent emergency text messages ordering people in four settlements to leave their homes.",
   "Several houses were damaged and a section of the national highway was closed as thick smoke drifted over the capital.",
   "Greece has endured its hottest summer on record, with temperatures above 40 degrees Celsius for much of July."),
 "strike": S("Thousands of rail workers walked off the job across Germany on Wednesday in a strike over pay and working hours that halted most long-distance trains.",
   "The GDL train drivers' union said the walkout would last 24 hours and urged Deutsche Bahn to return to the negotiating table with a better offer.",
   "Deutsche Bahn called the strike unnecessary and said it had offered an 11 percent pay rise over three years.",
   "Commuters in Berlin, Munich and Hamburg crowded onto buses and regional services that continued to run on a reduced timetable.",
   "The dispute is the fourth round of industrial action this year and has cost the economy an estimated 100 million euros a day."),
 "merger": S("Shares of Nordic Paper Group jumped 18 percent on Monday after the company agreed to be bought by a Canadian packaging rival for 2.1 billion dollars in cash.",
   "Under the deal, Maple Box Holdings will pay 14.50 dollars per share, a premium of 32 percent to Friday's closing price.",
   "The combined company will have 41 mills in nine countries and annual sales of about 6 billion dollars.",
   "The boards of both companies have approved the transaction, which is expected to close in the first half of next year subject to regulatory approval.",
   "Nordic Paper's chief executive said the merger would give the firm the scale needed to compete with larger rivals in Asia."),
 "election": S("Voters in Moldova narrowly backed a referendum on enshrining the goal of joining the European Union in the constitution, final results showed on Monday.",
   "With all ballots counted, 50.4 percent voted in favour and 49.6 percent against, the central electoral commission said.",
   "President Maia Sandu had called the vote a historic choice and accused criminal groups of trying to buy hundreds of thousands of votes.",
   "Turnout was just above the 33 percent threshold needed for the result to be valid.",
   "The European Commission welcomed the outcome and said it would continue to support Moldova's path to membership."),
 "vaccine": S("The World Health Organization on Friday approved a second malaria vaccine for use in children, a move expected to ease supply shortages across Africa.",
   "The vaccine, developed by the University of Oxford and manufactured by the Serum Institute of India, was recommended after trials showed it cut cases by about 75 percent.",
   "Malaria kills around 600,000 people a year, most of them children under five in sub-Saharan Africa.",
   "The Serum Institute said it could produce more than 100 million doses a year and would price each dose at under four dollars.",
   "Several African countries plan to begin rolling out the shot next year."),
 "storm": S("Typhoon Koinu made landfall on Taiwan's southern tip on Thursday, bringing gusts of more than 300 kilometres per hour and forcing schools and offices to close.",
   "The island's weather bureau recorded a gust of 342 kilometres per hour on Orchid Island, the strongest in Taiwan's history.",
   "More than 190 people were injured, mostly by falling objects, and over 300,000 homes lost power at the height of the storm.",
   "Hundreds of flights were cancelled and ferry services to outlying islands were suspended.",
   "The typhoon was expected to weaken as it moves west towards the Chinese province of Guangdong over the weekend."),
 "space": S("India's space agency successfully landed an uncrewed spacecraft near the Moon's south pole on Wednesday, a first for any country.",
   "The Chandrayaan-3 lander touched down at 6:04 p.m. local time, prompting cheers at mission control in Bengaluru.",
   "Prime Minister Narendra Modi, watching from South Africa, said the success belonged to all of humanity.",
   "The lander and its rover will spend about two weeks studying the lunar surface, including searching for frozen water.",
   "A Russian probe crashed in the same region days earlier after an engine malfunction."),
 "court": S("Australia's High Court on Wednesday ruled that indefinite immigration detention is unlawful, a decision that could free dozens of people held for years.",
   "The case was brought by a Rohingya man who had been detained since 2012 after his visa was cancelled and no country would accept him.",
   "The seven judges ruled unanimously that detention must end when there is no real prospect of removing a person from Australia in the foreseeable future.",
   "Home Affairs Minister Clare O'Neil said the government would comply with the ruling while protecting community safety.",
   "Refugee advocates said about 90 people could be released as a result of the decision."),
}

def text(ss): return " ".join(ss)

def edit(base, *, lede=None, drop=(), add=None, trim=None, replace=()):
    ss = list(base)
    if lede is not None: ss[0] = lede
    ss = [s for i, s in enumerate(ss) if i not in drop]
    if add is not None: ss.append(add)
    if trim is not None: ss = ss[:trim]
    t = text(ss)
    for a, b in replace: t = t.replace(a, b)
    return t

versions = {
 "quake": [dict(), dict(lede="A strong earthquake of magnitude 6.4 shook northern Chile early on Tuesday, according to the national seismology centre.", replace=[("80 kilometres", "about 50 miles")]),
   dict(trim=4, replace=[("said", "reported")]), dict(drop=(5,), add="Schools in the Tarapaca region were closed for the day as engineers inspected buildings.")],
 "ecb": [dict(), dict(lede="The ECB held interest rates steady on Thursday, keeping its deposit rate at 3.25% after cutting three times in a row.", replace=[("two percent", "2%")]),
   dict(drop=(4,), add="Analysts at Commerzbank said the pause was a hawkish signal.")],
 "wildfire": [dict(), dict(trim=3), dict(lede="Some 3,000 people were ordered to evacuate villages north of Athens on Sunday as a wind-driven wildfire raged.", drop=(4,)),
   dict(replace=[("eleven", "11"), ("Sunday", "Sunday afternoon")]), dict(add="Fire services said the front was more than 20 kilometres long by nightfall.", drop=(3,))],
 "strike": [dict(), dict(lede="Train drivers across Germany began a 24-hour strike on Wednesday, bringing most long-distance rail traffic to a standstill.")],
 "merger": [dict(), dict(replace=[("Monday", "Monday morning"), ("2.1 billion dollars", "$2.1 billion")], drop=(4,)), dict(trim=3)],
 "election": [dict(), dict(lede="Moldovans narrowly voted to write the aim of EU membership into their constitution, according to final referendum results released on Monday."),
   dict(drop=(2,), add="Russia's foreign ministry said the vote was neither free nor fair."), dict(trim=4)],
 "vaccine": [dict(), dict(replace=[("about 75 percent", "roughly three quarters")], drop=(4,))],
 "storm": [dict(), dict(lede="Typhoon Koinu slammed into southern Taiwan on Thursday with record-breaking winds, shutting schools and offices.", trim=4),
   dict(add="Taiwan's military said it had deployed soldiers to help clear debris in Pingtung county.")],
 "space": [dict(), dict(lede="India on Wednesday became the first country to land a spacecraft near the south pole of the Moon."),
   dict(drop=(2,), replace=[("6:04 p.m.", "18:04")]), dict(trim=3), dict(add="The mission cost about 75 million dollars, less than many Hollywood films.")],
 "court": [dict(), dict(lede="Holding people in immigration detention indefinitely is unlawful, Australia's High Court ruled on Wednesday.", drop=(4,))],
}

sources = ["Wire Service", "Harbor Gazette", "Coastal Courier", "Market Ledger", "Valley Post"]
distinct = {
 "distinct-quake": "A magnitude 5.8 earthquake hit central Japan on Saturday, shaking buildings in Tokyo and briefly halting bullet trains. The Japan Meteorological Agency said the quake was centred in Ibaraki prefecture at a depth of 50 kilometres. No tsunami warning was issued and the nuclear regulator said no abnormalities were found at power plants in the area. A few people suffered minor injuries.",
 "distinct-ecb": "The Bank of England raised its main interest rate to 5.25 percent on Thursday, the fourteenth consecutive increase, as it battles stubborn inflation. Governor Andrew Bailey said price growth in Britain was falling but remained far too high. Two members of the monetary policy committee voted to keep rates on hold. Sterling rose slightly after the decision.",
 "distinct-wildfire": "Canadian firefighters on Monday were battling more than 400 active wildfires in British Columbia, where a state of emergency remains in force. Officials said about 35,000 people were under evacuation orders as flames approached the city of Kelowna. Smoke from the fires drifted across the border and worsened air quality in the United States. Rain is forecast later in the week.",
 "distinct-strike": "French air traffic controllers staged a one-day strike on Friday, forcing airlines to cancel hundreds of flights at Paris airports. The civil aviation authority asked carriers to cut a third of their schedules at Orly and a quarter at Charles de Gaulle. Unions are protesting against a reform of working time rules. Ryanair said more than 400 of its flights were affected.",
 "distinct-merger": "Two of Japan's largest regional banks announced plans on Tuesday to merge into a single holding company with combined assets of about 200 billion dollars. The banks said the deal would allow them to cut costs and invest in digital services as the population in their regions shrinks. The merger is planned for April and still needs approval from shareholders and regulators.",
 "distinct-election": "Polls closed in Georgia's parliamentary election on Saturday, with the ruling party and pro-Western opposition both claiming an early lead. Observers from the Organization for Security and Co-operation in Europe reported cases of intimidation near polling stations. Turnout was estimated at more than 50 percent, the highest in over a decade. The results are seen as a test of the country's path towards the European Union.",
 "distinct-storm": "Hurricane Idalia made landfall in Florida's Big Bend region on Wednesday as a powerful category three storm, flooding coastal towns with a storm surge of up to three metres. More than 250,000 homes and businesses lost power. Governor Ron DeSantis urged residents to stay indoors as crews began clearing roads blocked by fallen trees. The storm weakened as it moved into Georgia.",
 "distinct-space": "Japan's space agency said on Saturday that its lunar lander had touched down on the Moon, making Japan the fifth country to do so, but its solar panels were not generating power. The SLIM probe landed within 100 metres of its target, a precision officials hailed as a success. Engineers hoped the battery would last long enough to send back data and images.",
 "distinct-court": "The Supreme Court of the United Kingdom ruled on Wednesday that the government's plan to send asylum seekers to Rwanda was unlawful. The five judges said there was a real risk that genuine refugees would be returned to countries where they could face harm. Prime Minister Rishi Sunak said the government would consider next steps and work on a new treaty with Rwanda.",
 "distinct-vaccine": "Health officials in Nigeria launched a campaign on Monday to vaccinate 20 million children against measles after outbreaks in several northern states. The campaign, supported by the World Health Organization and UNICEF, will run for two weeks. Health workers will visit homes and schools, and vaccination is free of charge.",
}

# Versions of a story appear within a few days of each other (StoryClusters.MAX_GAP is 7 days);
# the distinct stories are dated inside the same days, so only the text keeps them apart.
rows = []
n = 0
for story, vs in versions.items():
    for i, v in enumerate(vs):
        n += 1
        body = edit(stories[story], **v)
        rows.append({"id": f"{story}-{i+1}", "label": story, "source": sources[i % len(sources)],
                     "published": f"2024-05-1{i}T0{i}:00:00Z", "title": f"{story} version {i+1}", "body": body})
for k, body in distinct.items():
    rows.append({"id": k, "label": k, "source": "Wire Service", "published": "2024-05-12T08:00:00Z", "title": k, "body": body})
with open("stories.jsonl", "w") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(rows), "articles", len(versions), "stories in versions", len(distinct), "distinct")
