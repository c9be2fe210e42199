"""Place names a capitalised run may be: countries and regions, US states, and the cities of
the time-zone database, with some more. A run that is a place is never a person (`Hong Kong`,
`New Delhi`, `South Dakota`). A word list like names.NOT_NAMES: data, no logic. Plain Python.
"""

from __future__ import annotations

PLACES = frozenset(
    p.strip()
    for p in """
Abidjan | Abu Dhabi | Accra | Adak | Addis Ababa | Adelaide | Aden | Afghanistan | Africa |
Alabama | Alaska | Albania | Algeria | Algiers | Almaty | American Samoa | Americas | Amman |
Amsterdam | Anadyr | Anchorage | Andorra | Angola | Anguilla | Ankara | Antananarivo |
Antarctica | Antigua | Apia | Aqtau | Aqtobe | Arab Emirates | Araguaina | Arctic | Argentina
| Arizona | Arkansas | Armenia | Aruba | Ascension Island | Ashgabat | Ashkhabad | Asia |
Asmara | Asmera | Astrakhan | Asuncion | Athens | Atikokan | Atka | Atlanta | Atlantic |
Atyrau | Auckland | Australasia | Australia | Austria | Azerbaijan | Azores | Baghdad |
Bahamas | Bahia | Bahia Banderas | Bahrain | Baku | Baltimore | Bamako | Bangkok | Bangladesh
| Bangui | Banjul | Barbados | Barnaul | Bay Area | Beijing | Beirut | Belarus | Belem |
Belfast | Belgium | Belgrade | Belize | Belo Horizonte | Benin | Berlin | Bermuda | Beulah |
Bhutan | Bishkek | Bissau | Blantyre | Boa Vista | Bogota | Boise | Bolivia | Boston |
Botswana | Bougainville | Bouvet Island | Brasilia | Bratislava | Brazil | Brazzaville |
Brisbane | Britain | British Indian Ocean Territory | British Virgin Islands | Broken Hill |
Bronx | Brooklyn | Brunei | Brussels | Bucharest | Budapest | Buenos Aires | Bujumbura |
Bulgaria | Burkina Faso | Burundi | Busingen | Cairo | Calcutta | California | Cambodia |
Cambridge Bay | Cameroon | Campo Grande | Canada | Canary | Canary Islands | Canberra | Cancun
| Cape Verde | Capitol Hill | Caracas | Caribbean | Caribbean Netherlands | Casablanca | Casey
| Catamarca | Cayenne | Cayman | Cayman Islands | Center | Central African Republic | Central
America | Central Asia | Ceuta | Chad | Chagos | Chatham | Chicago | Chihuahua | Chile | China
| Chisinau | Chita | Choibalsan | Chongqing | Christmas | Christmas Island | Chungking | Chuuk
| Ciudad Juarez | Cleveland | Clipperton Island | Cocos | Colombia | Colombo | Colorado |
ComodRivadavia | Comoro | Comoros | Conakry | Congo - Brazzaville | Congo - Kinshasa |
Connecticut | Cook Islands | Copenhagen | Coral Harbour | Cordoba | Costa Rica | Coyhaique |
Creston | Croatia | Cuba | Cuiaba | Curacao | Curaçao | Currie | Cyprus | Czechia | Côte
d’Ivoire | Dacca | Dakar | Dallas | Damascus | Danmarkshavn | Dar es Salaam | Darwin | Davis |
Dawson | Dawson Creek | Delaware | Denmark | Denver | Detroit | Dhaka | Diego Garcia | Dili |
Djibouti | Dominica | Dominican Republic | Douala | Dubai | Dublin | DumontDUrville | Dushanbe
| Easter | Eastern Africa | Eastern Asia | Eastern Europe | Ecuador | Edmonton | Efate | Egypt
| Eirunepe | El Aaiun | El Salvador | Enderbury | England | Ensenada | Equatorial Guinea |
Eritrea | Estonia | Eswatini | Ethiopia | Eucla | Europe | European Union | Eurozone | Faeroe
| Fakaofo | Falkland Islands | Famagusta | Faroe | Faroe Islands | Fiji | Finland | Florida |
Fort Nelson | Fort Wayne | Fort Worth | Fortaleza | France | Freetown | French Guiana | French
Polynesia | French Southern and Antarctic Lands | Funafuti | Gabon | Gaborone | Galapagos |
Gambia | Gambier | Gaza | Geneva | Georgia | Germany | Ghana | Gibraltar | Glace Bay | Godthab
| Goose Bay | Grand Turk | Great Britain | Greece | Greenland | Grenada | Guadalcanal |
Guadeloupe | Guam | Guatemala | Guayaquil | Guernsey | Guinea | Guinea-Bissau | Guyana | Haiti
| Halifax | Harare | Harbin | Havana | Hawaii | Hebron | Helsinki | Hermosillo | Ho Chi Minh |
Hobart | Honduras | Hong Kong | Hong Kong SAR China | Honolulu | Houston | Hovd | Hungary |
Iceland | Idaho | Illinois | India | Indiana | Indianapolis | Indonesia | Inuvik | Iowa |
Iqaluit | Iran | Iraq | Ireland | Irkutsk | Isle of Man | Israel | Istanbul | Italy | Jakarta
| Jamaica | Jan Mayen | Japan | Jayapura | Jersey | Jersey City | Jerusalem | Johannesburg |
Johnston | Jordan | Juba | Jujuy | Juneau | Kabul | Kaliningrad | Kamchatka | Kampala | Kansas
| Kansas City | Kanton | Karachi | Kashgar | Kathmandu | Katmandu | Kazakhstan | Kentucky |
Kenya | Kerguelen | Khandyga | Khartoum | Kiev | Kigali | Kinshasa | Kiribati | Kiritimati |
Kirov | Knox | Knox IN | Kolkata | Kosovo | Kosrae | Kralendijk | Krasnoyarsk | Kuala Lumpur |
Kuching | Kuwait | Kwajalein | Kyiv | Kyrgyzstan | La Paz | La Rioja | Lagos | Laos | Las
Vegas | Latin America | Latvia | Lebanon | Lesotho | Liberia | Libreville | Libya |
Liechtenstein | Lima | Lindeman | Lisbon | Lithuania | Ljubljana | Lome | London | Long Island
| Longyearbyen | Lord Howe | Los Angeles | Louisiana | Louisville | Lower Princes | Luanda |
Lubumbashi | Lusaka | Luxembourg | Macao | Macao SAR China | Macau | Maceio | Macquarie |
Madagascar | Madeira | Madrid | Magadan | Mahe | Maine | Majuro | Makassar | Malabo | Malawi |
Malaysia | Maldives | Mali | Malta | Managua | Manaus | Manhattan | Manila | Maputo |
Mar-a-Lago | Marengo | Mariehamn | Marigot | Marquesas | Marshall Islands | Martinique |
Maryland | Maseru | Massachusetts | Matamoros | Mauritania | Mauritius | Mawson | Mayotte |
Mazatlan | Mbabane | McMurdo | Melanesia | Melbourne | Mendoza | Menominee | Merida |
Metlakatla | Mexico | Mexico City | Miami | Michigan | Micronesia | Micronesian Region |
Middle Africa | Middle East | Midway | Minnesota | Minsk | Miquelon | Mississippi | Missouri |
Mogadishu | Moldova | Monaco | Moncton | Mongolia | Monrovia | Montana | Montenegro |
Monterrey | Montevideo | Monticello | Montreal | Montserrat | Morocco | Moscow | Mozambique |
Mumbai | Muscat | Nairobi | Namibia | Nassau | Nauru | Ndjamena | Nebraska | Nepal |
Netherlands | Nevada | New Caledonia | New Delhi | New Hampshire | New Jersey | New Mexico |
New Orleans | New Salem | New York | New Zealand | Niamey | Nicaragua | Nicosia | Niger |
Nigeria | Nipigon | Niue | Nome | Norfolk | Norfolk Island | Noronha | North | North America |
North Carolina | North Dakota | North Korea | North Macedonia | Northern Africa | Northern
America | Northern Europe | Northern Ireland | Northern Mariana Islands | Norway | Nouakchott
| Noumea | Novokuznetsk | Novosibirsk | Nuuk | Oceania | Ohio | Ojinaga | Oklahoma | Oklahoma
City | Oman | Omsk | Oral | Oregon | Oslo | Ottawa | Ouagadougou | Outlying Oceania | Pacific
| Pago Pago | Pakistan | Palau | Palestinian Territories | Palm Beach | Palmer | Panama |
Pangnirtung | Papua New Guinea | Paraguay | Paramaribo | Paris | Pennsylvania | Perth | Peru |
Petersburg | Philadelphia | Philippines | Phnom Penh | Phoenix | Pitcairn | Pitcairn Islands |
Pittsburgh | Podgorica | Pohnpei | Poland | Polynesia | Ponape | Pontianak | Port Moresby |
Port of Spain | Porto Acre | Porto Velho | Portugal | Prague | Pseudo-Accents | Pseudo-Bidi |
Puerto Rico | Punta Arenas | Pyongyang | Qatar | Qostanay | Queens | Queensland | Qyzylorda |
Rainy River | Rangoon | Rankin Inlet | Rarotonga | Recife | Regina | Resolute | Reunion |
Reykjavik | Rhode Island | Riga | Rio Branco | Rio Gallegos | Rio de Janeiro | Riyadh |
Romania | Rome | Rosario | Rothera | Russia | Rwanda | Réunion | Saigon | Saipan | Sakhalin |
Salt Lake City | Salta | Samara | Samarkand | Samoa | San Antonio | San Diego | San Francisco
| San Jose | San Juan | San Luis | San Marino | Santa Isabel | Santarem | Santiago | Santo
Domingo | Sao Paulo | Sao Tome | Sarajevo | Saratov | Sark | Saudi Arabia | Scoresbysund |
Scotland | Seattle | Senegal | Seoul | Serbia | Seychelles | Shanghai | Shiprock | Sierra
Leone | Silicon Valley | Simferopol | Singapore | Sint Maarten | Sioux Falls | Sitka | Skopje
| Slovakia | Slovenia | Sofia | Solomon Islands | Somalia | South | South Africa | South
America | South Carolina | South Dakota | South Georgia | South Korea | South Pole | South
Sudan | Southeast Asia | Southern Africa | Southern Asia | Southern Europe | Spain |
Srednekolymsk | Sri Lanka | St Barthelemy | St Helena | St Johns | St Kitts | St Lucia | St
Thomas | St Vincent | St. Barthélemy | St. Lucia | St. Martin | Stanley | Staten Island |
Stockholm | Sub-Saharan Africa | Sudan | Suriname | Sweden | Swift Current | Switzerland |
Sydney | Syowa | Syria | Tahiti | Taipei | Taiwan | Tajikistan | Tallinn | Tanzania | Tarawa |
Tashkent | Tasmania | Tbilisi | Tegucigalpa | Tehran | Tel Aviv | Tell City | Tennessee |
Texas | Thailand | Thimbu | Thimphu | Thule | Thunder Bay | Tijuana | Timbuktu | Timor-Leste |
Tirane | Tiraspol | Togo | Tokelau | Tokyo | Tomsk | Tonga | Tongatapu | Toronto | Tortola |
Tripoli | Tristan da Cunha | Troll | Truk | Tucuman | Tunis | Tunisia | Turkmenistan | Tuvalu
| Türkiye | U.S. Outlying Islands | U.S. Virgin Islands | Uganda | Ujung Pandang | Ukraine |
Ulaanbaatar | Ulan Bator | Ulyanovsk | United Arab Emirates | United Kingdom | United Nations
| United States | Unknown Region | Uruguay | Urumqi | Ushuaia | Utah | Uzbekistan | Uzhgorod |
Vaduz | Vancouver | Vanuatu | Vatican | Vatican City | Venezuela | Vermont | Vevay | Victoria
| Vienna | Vientiane | Vietnam | Vilnius | Vincennes | Virgin | Virginia | Vladivostok |
Volgograd | Vostok | Wake | Wales | Wall Street | Wallis | Warsaw | Washington | Washington DC
| West | West Bank | West Virginia | Western Africa | Western Asia | Western Europe | Western
Sahara | Whitehorse | Winamac | Windhoek | Winnipeg | Wisconsin | Wyoming | Yakutat | Yakutsk
| Yancowinna | Yangon | Yap | Yekaterinburg | Yellowknife | Yemen | Yerevan | Zagreb | Zambia
| Zaporozhye | Zimbabwe | Zurich | world | Åland Islands
""".replace("\n", " ").split("|")
)
