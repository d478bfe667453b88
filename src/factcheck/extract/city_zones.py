"""Cities and the IANA zones they keep: "3 a.m. (Hanoi time)", "SACRAMENTO (AP) — ... at 9 a.m.".

The IANA tables name each zone by one city ("Asia/Ho_Chi_Minh", "America/Los_Angeles"), so
"Hanoi time" or a story datelined Sacramento is no zone to them. This table holds world
capitals and the large cities news datelines use, each with its zone; zone.tab's own
cities and single-zone countries are read by :mod:`factcheck.extract.local_zones`.

A name two cities in different zones share is left out: a zone is never guessed.
Left out for that reason: Portland (Oregon, Maine), Birmingham (England, Alabama),
Richmond (Virginia, British Columbia), Springfield (Illinois, Massachusetts), Victoria
(British Columbia, Seychelles, the Australian state), Perth (Australia, Scotland), Valencia
(Spain, Venezuela), Cordoba (Spain, Argentina), Guadalajara (Mexico, Spain), Leon (Mexico,
Spain, Nicaragua), Hyderabad (India, Pakistan), Tripoli (Libya, Lebanon), San Jose
(California, Costa Rica), Alexandria (Egypt, Virginia), Athens (Greece, Georgia), Moscow
(Russia, Idaho), Santiago (Chile, the Dominican Republic, Spain), Washington (the capital,
Eastern; the state, Pacific), Georgia (a state and a country), Kingston (Jamaica,
Ontario), San Juan (Puerto Rico, Argentina), Hollywood and Pasadena (California, Florida
or Texas), Salem, Columbia, Jackson (US cities in two zones each); Mobile, Madison, Helena,
Eugene are as often words or people's names; Norfolk (Virginia, the Pacific island).
Buildings that stand for their city's government ("the White House", "the Kremlin",
"Downing Street") are in the table as their city.
Kept where one city is what news means and the other is written with its region ("London,
Ontario", "Paris, Texas"): London, Paris, Sydney, Naples, Lima; a dateline with a US state
or Canadian province after the city must name a North American city (see
:mod:`factcheck.extract.datelines`).
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["CITY_ZONES", "city_zone"]

# Zone -> its cities, "_" for a space inside a name ("Kansas_City").
_TABLE: Final = {
    # United States
    "America/New_York": "Atlanta Baltimore Boston Buffalo Charlotte Cincinnati Cleveland "
    "Columbus Hartford Jacksonville Miami Newark New_York Orlando Philadelphia "
    "Pittsburgh Raleigh Tampa Trenton Albany Annapolis Tallahassee Charleston "
    "Lansing Providence Savannah Brooklyn Manhattan Fort_Lauderdale "
    "West_Palm_Beach Cape_Canaveral "
    # the seats of government news names for their city ("arrived at the White House")
    "White_House West_Wing Oval_Office Capitol_Hill Pentagon",
    "America/Chicago": "Chicago Dallas Houston San_Antonio Austin Fort_Worth Memphis Nashville "
    "New_Orleans Kansas_City St._Louis Milwaukee Minneapolis St._Paul Oklahoma_City Tulsa "
    "Omaha Des_Moines Little_Rock Baton_Rouge Montgomery Wichita "
    "Corpus_Christi Galveston Uvalde",
    "America/Denver": "Denver Salt_Lake_City Albuquerque Santa_Fe Cheyenne Colorado_Springs "
    "Billings El_Paso",
    "America/Phoenix": "Phoenix Tucson Flagstaff Scottsdale Mesa Tempe",
    "America/Los_Angeles": "Los_Angeles San_Francisco San_Diego Sacramento Seattle Tacoma "
    "Oakland Fresno Las_Vegas Reno Carson_City Olympia Spokane Long_Beach "
    "Malibu Santa_Monica Bakersfield Anaheim Palo_Alto Mountain_View "
    "Cupertino Menlo_Park Berkeley Santa_Barbara Vandenberg",
    # zone.tab's own cities, in the zone it names them by
    "America/Detroit": "Detroit",
    "America/Indiana/Indianapolis": "Indianapolis",
    "America/Kentucky/Louisville": "Louisville",
    "America/Boise": "Boise",
    "America/Juneau": "Juneau",
    "America/Monterrey": "Monterrey",
    "America/Anchorage": "Anchorage Fairbanks",
    "Pacific/Honolulu": "Honolulu",
    # Canada, Mexico, Central America, the Caribbean
    "America/Toronto": "Toronto Ottawa Montreal Quebec_City",
    "America/Vancouver": "Vancouver",
    "America/Edmonton": "Calgary Edmonton",
    "America/Winnipeg": "Winnipeg",
    "America/Halifax": "Halifax",
    "America/Mexico_City": "Mexico_City Puebla Acapulco Oaxaca",
    "America/Tijuana": "Tijuana Mexicali Ensenada",
    "America/Cancun": "Cancun",
    "America/Guatemala": "Guatemala_City",
    "America/El_Salvador": "San_Salvador Tecoluca",
    "America/Tegucigalpa": "Tegucigalpa",
    "America/Managua": "Managua",
    "America/Panama": "Panama_City",
    "America/Havana": "Havana",
    "America/Port-au-Prince": "Port-au-Prince",
    "America/Santo_Domingo": "Santo_Domingo",
    # South America
    "America/Bogota": "Bogota Medellin Cali",
    "America/Caracas": "Caracas Maracaibo",
    "America/Lima": "Lima",
    "America/Guayaquil": "Quito Guayaquil",
    "America/La_Paz": "La_Paz",
    "America/Sao_Paulo": "Sao_Paulo Rio_de_Janeiro Brasilia Belo_Horizonte",
    "America/Argentina/Buenos_Aires": "Buenos_Aires",
    "America/Montevideo": "Montevideo",
    "America/Asuncion": "Asuncion",
    # Europe
    "Europe/London": "London Manchester Liverpool Glasgow Edinburgh Cardiff Belfast Leeds "
    "Downing_Street",
    "Europe/Dublin": "Dublin Cork",
    "Europe/Lisbon": "Lisbon Porto",
    "Europe/Madrid": "Madrid Barcelona Seville Bilbao",
    "Europe/Paris": "Paris Marseille Lyon Strasbourg Nice Toulouse Bordeaux",
    "Europe/Brussels": "Brussels Antwerp",
    "Europe/Amsterdam": "Amsterdam Rotterdam The_Hague",
    "Europe/Luxembourg": "Luxembourg",
    "Europe/Berlin": "Berlin Munich Hamburg Frankfurt Cologne Bonn Stuttgart Dusseldorf "
    "Leipzig Dresden",
    "Europe/Zurich": "Zurich Geneva Bern Basel Davos Lausanne",
    "Europe/Vienna": "Vienna Salzburg",
    "Europe/Rome": "Rome Milan Naples Turin Venice Florence Genoa Palermo",
    "Europe/Vatican": "Vatican_City",
    "Europe/Copenhagen": "Copenhagen",
    "Europe/Oslo": "Oslo",
    "Europe/Stockholm": "Stockholm Gothenburg",
    "Europe/Helsinki": "Helsinki",
    "Europe/Tallinn": "Tallinn",
    "Europe/Riga": "Riga",
    "Europe/Vilnius": "Vilnius",
    "Europe/Warsaw": "Warsaw Krakow Gdansk",
    "Europe/Prague": "Prague",
    "Europe/Bratislava": "Bratislava",
    "Europe/Budapest": "Budapest",
    "Europe/Ljubljana": "Ljubljana",
    "Europe/Zagreb": "Zagreb",
    "Europe/Belgrade": "Belgrade",
    "Europe/Sarajevo": "Sarajevo",
    "Europe/Podgorica": "Podgorica",
    "Europe/Skopje": "Skopje",
    "Europe/Tirane": "Tirana",
    "Europe/Sofia": "Sofia",
    "Europe/Bucharest": "Bucharest",
    "Europe/Chisinau": "Chisinau",
    "Europe/Kyiv": "Kyiv Kiev Kharkiv Odesa Odessa Lviv Dnipro Zaporizhzhia",
    "Europe/Minsk": "Minsk",
    "Europe/Moscow": "St._Petersburg Kremlin",
    "Asia/Nicosia": "Nicosia",
    "Europe/Istanbul": "Istanbul Ankara Izmir",
    "Atlantic/Reykjavik": "Reykjavik",
    "Europe/Malta": "Valletta",
    # Middle East, Africa
    "Asia/Jerusalem": "Jerusalem Tel_Aviv Haifa",
    "Asia/Gaza": "Gaza_City Rafah Khan_Younis",
    "Asia/Hebron": "Ramallah Hebron",
    "Asia/Beirut": "Beirut",
    "Asia/Damascus": "Damascus Aleppo",
    "Asia/Amman": "Amman",
    "Asia/Baghdad": "Baghdad Basra Mosul Erbil",
    "Asia/Tehran": "Tehran",
    "Asia/Riyadh": "Riyadh Jeddah Mecca Medina",
    "Asia/Kuwait": "Kuwait_City",
    "Asia/Bahrain": "Manama",
    "Asia/Qatar": "Doha",
    "Asia/Dubai": "Abu_Dhabi",
    "Asia/Muscat": "Muscat",
    "Asia/Aden": "Sanaa",
    "Africa/Cairo": "Cairo Giza",
    "Africa/Tunis": "Tunis",
    "Africa/Algiers": "Algiers",
    "Africa/Casablanca": "Rabat Marrakech",
    "Africa/Khartoum": "Khartoum",
    "Africa/Addis_Ababa": "Addis_Ababa",
    "Africa/Nairobi": "Nairobi Mombasa",
    "Africa/Kampala": "Kampala",
    "Africa/Kigali": "Kigali",
    "Africa/Dar_es_Salaam": "Dodoma",
    "Africa/Mogadishu": "Mogadishu",
    "Africa/Lagos": "Abuja",
    "Africa/Accra": "Accra",
    "Africa/Dakar": "Dakar",
    "Africa/Abidjan": "Abidjan",
    "Africa/Kinshasa": "Kinshasa",
    "Africa/Luanda": "Luanda",
    "Africa/Harare": "Harare",
    "Africa/Lusaka": "Lusaka",
    "Africa/Maputo": "Maputo",
    "Africa/Johannesburg": "Pretoria Cape_Town Durban",
    # Asia, Oceania
    "Asia/Kabul": "Kabul Kandahar",
    "Asia/Karachi": "Islamabad Lahore Peshawar Quetta Rawalpindi",
    "Asia/Kolkata": "New_Delhi Delhi Mumbai Bengaluru Bangalore Chennai Kolkata Ahmedabad Pune",
    "Asia/Dhaka": "Dhaka",
    "Asia/Kathmandu": "Kathmandu",
    "Asia/Colombo": "Colombo",
    "Asia/Yangon": "Yangon Naypyidaw",
    "Asia/Bangkok": "Bangkok",
    "Asia/Ho_Chi_Minh": "Hanoi Saigon Da_Nang Haiphong",
    "Asia/Phnom_Penh": "Phnom_Penh",
    "Asia/Vientiane": "Vientiane",
    "Asia/Kuala_Lumpur": "Kuala_Lumpur",
    "Asia/Singapore": "Singapore",
    "Asia/Jakarta": "Jakarta",
    "Asia/Manila": "Manila",
    "Asia/Shanghai": "Beijing Shanghai Guangzhou Shenzhen Wuhan Chengdu Chongqing Tianjin",
    "Asia/Hong_Kong": "Hong_Kong",
    "Asia/Taipei": "Taipei",
    "Asia/Seoul": "Seoul Busan",
    "Asia/Pyongyang": "Pyongyang",
    "Asia/Tokyo": "Tokyo Osaka Kyoto Yokohama Fukushima Hiroshima Nagasaki",
    "Asia/Ulaanbaatar": "Ulaanbaatar",
    "Asia/Tashkent": "Tashkent",
    "Asia/Almaty": "Almaty",
    "Asia/Tbilisi": "Tbilisi",
    "Asia/Yerevan": "Yerevan",
    "Asia/Baku": "Baku",
    "Australia/Sydney": "Sydney Canberra",
    "Australia/Melbourne": "Melbourne",
    "Australia/Brisbane": "Brisbane",
    "Australia/Adelaide": "Adelaide",
    "Australia/Darwin": "Darwin",
    "Pacific/Auckland": "Auckland Wellington Christchurch",
    "Pacific/Port_Moresby": "Port_Moresby",
}

#: City name as texts write it -> its IANA zone.
CITY_ZONES: Final[dict[str, str]] = {
    city.replace("_", " "): zone for zone, cities in _TABLE.items() for city in cities.split()
}


def city_zone(name: str) -> str | None:
    """The IANA zone of the city ``name`` ("Hanoi", "SACRAMENTO", "Kansas City"), if the
    table has it; None for any other name."""
    folded = re.sub(r"\s+", " ", name).strip().casefold()
    return _FOLDED.get(folded)


_FOLDED: Final = {city.casefold(): zone for city, zone in CITY_ZONES.items()}
