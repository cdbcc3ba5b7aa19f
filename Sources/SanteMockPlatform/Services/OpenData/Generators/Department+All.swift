extension Department {
    /// The 101 départements, in the order of Vite Ma Dose's `departements.json` (`01`…`19`, `21`…`29`, `2A`, `2B`,
    /// `30`…`95`, `971`…`974`, `976`).
    static let all: [Department] = [
        Department(
            code: "01", name: "Ain", regionCode: 84, regionName: "Auvergne-Rhône-Alpes", prefecture: "Bourg-en-Bresse",
            latitude: 46.2052, longitude: 5.2255),
        Department(
            code: "02", name: "Aisne", regionCode: 32, regionName: "Hauts-de-France", prefecture: "Laon",
            latitude: 49.5641, longitude: 3.6199),
        Department(
            code: "03", name: "Allier", regionCode: 84, regionName: "Auvergne-Rhône-Alpes", prefecture: "Moulins",
            latitude: 46.5660, longitude: 3.3327),
        Department(
            code: "04", name: "Alpes-de-Haute-Provence", regionCode: 93, regionName: "Provence-Alpes-Côte d'Azur",
            prefecture: "Digne-les-Bains", latitude: 44.0925, longitude: 6.2356),
        Department(
            code: "05", name: "Hautes-Alpes", regionCode: 93, regionName: "Provence-Alpes-Côte d'Azur",
            prefecture: "Gap", latitude: 44.5594, longitude: 6.0786),
        Department(
            code: "06", name: "Alpes-Maritimes", regionCode: 93, regionName: "Provence-Alpes-Côte d'Azur",
            prefecture: "Nice", latitude: 43.7102, longitude: 7.2620),
        Department(
            code: "07", name: "Ardèche", regionCode: 84, regionName: "Auvergne-Rhône-Alpes", prefecture: "Privas",
            latitude: 44.7353, longitude: 4.5992),
        Department(
            code: "08", name: "Ardennes", regionCode: 44, regionName: "Grand Est", prefecture: "Charleville-Mézières",
            latitude: 49.7732, longitude: 4.7204),
        Department(
            code: "09", name: "Ariège", regionCode: 76, regionName: "Occitanie", prefecture: "Foix", latitude: 42.9653,
            longitude: 1.6071),
        Department(
            code: "10", name: "Aube", regionCode: 44, regionName: "Grand Est", prefecture: "Troyes", latitude: 48.2973,
            longitude: 4.0744),
        Department(
            code: "11", name: "Aude", regionCode: 76, regionName: "Occitanie", prefecture: "Carcassonne",
            latitude: 43.2130, longitude: 2.3491),
        Department(
            code: "12", name: "Aveyron", regionCode: 76, regionName: "Occitanie", prefecture: "Rodez",
            latitude: 44.3506, longitude: 2.5750),
        Department(
            code: "13", name: "Bouches-du-Rhône", regionCode: 93, regionName: "Provence-Alpes-Côte d'Azur",
            prefecture: "Marseille", latitude: 43.2965, longitude: 5.3698),
        Department(
            code: "14", name: "Calvados", regionCode: 28, regionName: "Normandie", prefecture: "Caen",
            latitude: 49.1829, longitude: -0.3707),
        Department(
            code: "15", name: "Cantal", regionCode: 84, regionName: "Auvergne-Rhône-Alpes", prefecture: "Aurillac",
            latitude: 44.9264, longitude: 2.4397),
        Department(
            code: "16", name: "Charente", regionCode: 75, regionName: "Nouvelle-Aquitaine", prefecture: "Angoulême",
            latitude: 45.6484, longitude: 0.1562),
        Department(
            code: "17", name: "Charente-Maritime", regionCode: 75, regionName: "Nouvelle-Aquitaine",
            prefecture: "La Rochelle", latitude: 46.1603, longitude: -1.1511),
        Department(
            code: "18", name: "Cher", regionCode: 24, regionName: "Centre-Val de Loire", prefecture: "Bourges",
            latitude: 47.0810, longitude: 2.3988),
        Department(
            code: "19", name: "Corrèze", regionCode: 75, regionName: "Nouvelle-Aquitaine", prefecture: "Tulle",
            latitude: 45.2670, longitude: 1.7710),
        Department(
            code: "21", name: "Côte-d'Or", regionCode: 27, regionName: "Bourgogne-Franche-Comté", prefecture: "Dijon",
            latitude: 47.3220, longitude: 5.0415),
        Department(
            code: "22", name: "Côtes-d'Armor", regionCode: 53, regionName: "Bretagne", prefecture: "Saint-Brieuc",
            latitude: 48.5141, longitude: -2.7603),
        Department(
            code: "23", name: "Creuse", regionCode: 75, regionName: "Nouvelle-Aquitaine", prefecture: "Guéret",
            latitude: 46.1710, longitude: 1.8710),
        Department(
            code: "24", name: "Dordogne", regionCode: 75, regionName: "Nouvelle-Aquitaine", prefecture: "Périgueux",
            latitude: 45.1842, longitude: 0.7211),
        Department(
            code: "25", name: "Doubs", regionCode: 27, regionName: "Bourgogne-Franche-Comté", prefecture: "Besançon",
            latitude: 47.2378, longitude: 6.0241),
        Department(
            code: "26", name: "Drôme", regionCode: 84, regionName: "Auvergne-Rhône-Alpes", prefecture: "Valence",
            latitude: 44.9334, longitude: 4.8924),
        Department(
            code: "27", name: "Eure", regionCode: 28, regionName: "Normandie", prefecture: "Évreux", latitude: 49.0241,
            longitude: 1.1508),
        Department(
            code: "28", name: "Eure-et-Loir", regionCode: 24, regionName: "Centre-Val de Loire", prefecture: "Chartres",
            latitude: 48.4439, longitude: 1.4890),
        Department(
            code: "29", name: "Finistère", regionCode: 53, regionName: "Bretagne", prefecture: "Quimper",
            latitude: 47.9960, longitude: -4.1024),
        Department(
            code: "2A", name: "Corse-du-Sud", regionCode: 94, regionName: "Corse", prefecture: "Ajaccio",
            latitude: 41.9192, longitude: 8.7386),
        Department(
            code: "2B", name: "Haute-Corse", regionCode: 94, regionName: "Corse", prefecture: "Bastia",
            latitude: 42.6977, longitude: 9.4508),
        Department(
            code: "30", name: "Gard", regionCode: 76, regionName: "Occitanie", prefecture: "Nîmes", latitude: 43.8367,
            longitude: 4.3601),
        Department(
            code: "31", name: "Haute-Garonne", regionCode: 76, regionName: "Occitanie", prefecture: "Toulouse",
            latitude: 43.6047, longitude: 1.4442),
        Department(
            code: "32", name: "Gers", regionCode: 76, regionName: "Occitanie", prefecture: "Auch", latitude: 43.6465,
            longitude: 0.5855),
        Department(
            code: "33", name: "Gironde", regionCode: 75, regionName: "Nouvelle-Aquitaine", prefecture: "Bordeaux",
            latitude: 44.8378, longitude: -0.5792),
        Department(
            code: "34", name: "Hérault", regionCode: 76, regionName: "Occitanie", prefecture: "Montpellier",
            latitude: 43.6108, longitude: 3.8767),
        Department(
            code: "35", name: "Ille-et-Vilaine", regionCode: 53, regionName: "Bretagne", prefecture: "Rennes",
            latitude: 48.1173, longitude: -1.6778),
        Department(
            code: "36", name: "Indre", regionCode: 24, regionName: "Centre-Val de Loire", prefecture: "Châteauroux",
            latitude: 46.8103, longitude: 1.6913),
        Department(
            code: "37", name: "Indre-et-Loire", regionCode: 24, regionName: "Centre-Val de Loire", prefecture: "Tours",
            latitude: 47.3941, longitude: 0.6848),
        Department(
            code: "38", name: "Isère", regionCode: 84, regionName: "Auvergne-Rhône-Alpes", prefecture: "Grenoble",
            latitude: 45.1885, longitude: 5.7245),
        Department(
            code: "39", name: "Jura", regionCode: 27, regionName: "Bourgogne-Franche-Comté",
            prefecture: "Lons-le-Saunier", latitude: 46.6744, longitude: 5.5550),
        Department(
            code: "40", name: "Landes", regionCode: 75, regionName: "Nouvelle-Aquitaine", prefecture: "Mont-de-Marsan",
            latitude: 43.8902, longitude: -0.4990),
        Department(
            code: "41", name: "Loir-et-Cher", regionCode: 24, regionName: "Centre-Val de Loire", prefecture: "Blois",
            latitude: 47.5861, longitude: 1.3359),
        Department(
            code: "42", name: "Loire", regionCode: 84, regionName: "Auvergne-Rhône-Alpes", prefecture: "Saint-Étienne",
            latitude: 45.4397, longitude: 4.3872),
        Department(
            code: "43", name: "Haute-Loire", regionCode: 84, regionName: "Auvergne-Rhône-Alpes",
            prefecture: "Le Puy-en-Velay", latitude: 45.0434, longitude: 3.8857),
        Department(
            code: "44", name: "Loire-Atlantique", regionCode: 52, regionName: "Pays de la Loire", prefecture: "Nantes",
            latitude: 47.2184, longitude: -1.5536),
        Department(
            code: "45", name: "Loiret", regionCode: 24, regionName: "Centre-Val de Loire", prefecture: "Orléans",
            latitude: 47.9030, longitude: 1.9093),
        Department(
            code: "46", name: "Lot", regionCode: 76, regionName: "Occitanie", prefecture: "Cahors", latitude: 44.4475,
            longitude: 1.4410),
        Department(
            code: "47", name: "Lot-et-Garonne", regionCode: 75, regionName: "Nouvelle-Aquitaine", prefecture: "Agen",
            latitude: 44.2033, longitude: 0.6163),
        Department(
            code: "48", name: "Lozère", regionCode: 76, regionName: "Occitanie", prefecture: "Mende", latitude: 44.5181,
            longitude: 3.5006),
        Department(
            code: "49", name: "Maine-et-Loire", regionCode: 52, regionName: "Pays de la Loire", prefecture: "Angers",
            latitude: 47.4784, longitude: -0.5632),
        Department(
            code: "50", name: "Manche", regionCode: 28, regionName: "Normandie", prefecture: "Saint-Lô",
            latitude: 49.1157, longitude: -1.0906),
        Department(
            code: "51", name: "Marne", regionCode: 44, regionName: "Grand Est", prefecture: "Châlons-en-Champagne",
            latitude: 48.9566, longitude: 4.3631),
        Department(
            code: "52", name: "Haute-Marne", regionCode: 44, regionName: "Grand Est", prefecture: "Chaumont",
            latitude: 48.1113, longitude: 5.1392),
        Department(
            code: "53", name: "Mayenne", regionCode: 52, regionName: "Pays de la Loire", prefecture: "Laval",
            latitude: 48.0706, longitude: -0.7734),
        Department(
            code: "54", name: "Meurthe-et-Moselle", regionCode: 44, regionName: "Grand Est", prefecture: "Nancy",
            latitude: 48.6921, longitude: 6.1844),
        Department(
            code: "55", name: "Meuse", regionCode: 44, regionName: "Grand Est", prefecture: "Bar-le-Duc",
            latitude: 48.7727, longitude: 5.1600),
        Department(
            code: "56", name: "Morbihan", regionCode: 53, regionName: "Bretagne", prefecture: "Vannes",
            latitude: 47.6582, longitude: -2.7608),
        Department(
            code: "57", name: "Moselle", regionCode: 44, regionName: "Grand Est", prefecture: "Metz", latitude: 49.1193,
            longitude: 6.1757),
        Department(
            code: "58", name: "Nièvre", regionCode: 27, regionName: "Bourgogne-Franche-Comté", prefecture: "Nevers",
            latitude: 46.9908, longitude: 3.1590),
        Department(
            code: "59", name: "Nord", regionCode: 32, regionName: "Hauts-de-France", prefecture: "Lille",
            latitude: 50.6292, longitude: 3.0573),
        Department(
            code: "60", name: "Oise", regionCode: 32, regionName: "Hauts-de-France", prefecture: "Beauvais",
            latitude: 49.4295, longitude: 2.0807),
        Department(
            code: "61", name: "Orne", regionCode: 28, regionName: "Normandie", prefecture: "Alençon", latitude: 48.4329,
            longitude: 0.0913),
        Department(
            code: "62", name: "Pas-de-Calais", regionCode: 32, regionName: "Hauts-de-France", prefecture: "Arras",
            latitude: 50.2910, longitude: 2.7775),
        Department(
            code: "63", name: "Puy-de-Dôme", regionCode: 84, regionName: "Auvergne-Rhône-Alpes",
            prefecture: "Clermont-Ferrand", latitude: 45.7772, longitude: 3.0870),
        Department(
            code: "64", name: "Pyrénées-Atlantiques", regionCode: 75, regionName: "Nouvelle-Aquitaine",
            prefecture: "Pau", latitude: 43.2951, longitude: -0.3708),
        Department(
            code: "65", name: "Hautes-Pyrénées", regionCode: 76, regionName: "Occitanie", prefecture: "Tarbes",
            latitude: 43.2328, longitude: 0.0781),
        Department(
            code: "66", name: "Pyrénées-Orientales", regionCode: 76, regionName: "Occitanie", prefecture: "Perpignan",
            latitude: 42.6887, longitude: 2.8948),
        Department(
            code: "67", name: "Bas-Rhin", regionCode: 44, regionName: "Grand Est", prefecture: "Strasbourg",
            latitude: 48.5734, longitude: 7.7521),
        Department(
            code: "68", name: "Haut-Rhin", regionCode: 44, regionName: "Grand Est", prefecture: "Colmar",
            latitude: 48.0794, longitude: 7.3585),
        Department(
            code: "69", name: "Rhône", regionCode: 84, regionName: "Auvergne-Rhône-Alpes", prefecture: "Lyon",
            latitude: 45.7640, longitude: 4.8357),
        Department(
            code: "70", name: "Haute-Saône", regionCode: 27, regionName: "Bourgogne-Franche-Comté",
            prefecture: "Vesoul", latitude: 47.6225, longitude: 6.1550),
        Department(
            code: "71", name: "Saône-et-Loire", regionCode: 27, regionName: "Bourgogne-Franche-Comté",
            prefecture: "Mâcon", latitude: 46.3069, longitude: 4.8287),
        Department(
            code: "72", name: "Sarthe", regionCode: 52, regionName: "Pays de la Loire", prefecture: "Le Mans",
            latitude: 48.0061, longitude: 0.1996),
        Department(
            code: "73", name: "Savoie", regionCode: 84, regionName: "Auvergne-Rhône-Alpes", prefecture: "Chambéry",
            latitude: 45.5646, longitude: 5.9178),
        Department(
            code: "74", name: "Haute-Savoie", regionCode: 84, regionName: "Auvergne-Rhône-Alpes", prefecture: "Annecy",
            latitude: 45.8992, longitude: 6.1294),
        Department(
            code: "75", name: "Paris", regionCode: 11, regionName: "Île-de-France", prefecture: "Paris",
            latitude: 48.8566, longitude: 2.3522),
        Department(
            code: "76", name: "Seine-Maritime", regionCode: 28, regionName: "Normandie", prefecture: "Rouen",
            latitude: 49.4431, longitude: 1.0993),
        Department(
            code: "77", name: "Seine-et-Marne", regionCode: 11, regionName: "Île-de-France", prefecture: "Melun",
            latitude: 48.5421, longitude: 2.6554),
        Department(
            code: "78", name: "Yvelines", regionCode: 11, regionName: "Île-de-France", prefecture: "Versailles",
            latitude: 48.8049, longitude: 2.1204),
        Department(
            code: "79", name: "Deux-Sèvres", regionCode: 75, regionName: "Nouvelle-Aquitaine", prefecture: "Niort",
            latitude: 46.3237, longitude: -0.4588),
        Department(
            code: "80", name: "Somme", regionCode: 32, regionName: "Hauts-de-France", prefecture: "Amiens",
            latitude: 49.8941, longitude: 2.2958),
        Department(
            code: "81", name: "Tarn", regionCode: 76, regionName: "Occitanie", prefecture: "Albi", latitude: 43.9289,
            longitude: 2.1464),
        Department(
            code: "82", name: "Tarn-et-Garonne", regionCode: 76, regionName: "Occitanie", prefecture: "Montauban",
            latitude: 44.0176, longitude: 1.3550),
        Department(
            code: "83", name: "Var", regionCode: 93, regionName: "Provence-Alpes-Côte d'Azur", prefecture: "Toulon",
            latitude: 43.1242, longitude: 5.9280),
        Department(
            code: "84", name: "Vaucluse", regionCode: 93, regionName: "Provence-Alpes-Côte d'Azur",
            prefecture: "Avignon", latitude: 43.9493, longitude: 4.8055),
        Department(
            code: "85", name: "Vendée", regionCode: 52, regionName: "Pays de la Loire", prefecture: "La Roche-sur-Yon",
            latitude: 46.6705, longitude: -1.4260),
        Department(
            code: "86", name: "Vienne", regionCode: 75, regionName: "Nouvelle-Aquitaine", prefecture: "Poitiers",
            latitude: 46.5802, longitude: 0.3404),
        Department(
            code: "87", name: "Haute-Vienne", regionCode: 75, regionName: "Nouvelle-Aquitaine", prefecture: "Limoges",
            latitude: 45.8336, longitude: 1.2611),
        Department(
            code: "88", name: "Vosges", regionCode: 44, regionName: "Grand Est", prefecture: "Épinal",
            latitude: 48.1726, longitude: 6.4497),
        Department(
            code: "89", name: "Yonne", regionCode: 27, regionName: "Bourgogne-Franche-Comté", prefecture: "Auxerre",
            latitude: 47.7982, longitude: 3.5673),
        Department(
            code: "90", name: "Territoire de Belfort", regionCode: 27, regionName: "Bourgogne-Franche-Comté",
            prefecture: "Belfort", latitude: 47.6397, longitude: 6.8638),
        Department(
            code: "91", name: "Essonne", regionCode: 11, regionName: "Île-de-France", prefecture: "Évry-Courcouronnes",
            latitude: 48.6290, longitude: 2.4410),
        Department(
            code: "92", name: "Hauts-de-Seine", regionCode: 11, regionName: "Île-de-France", prefecture: "Nanterre",
            latitude: 48.8924, longitude: 2.2071),
        Department(
            code: "93", name: "Seine-Saint-Denis", regionCode: 11, regionName: "Île-de-France", prefecture: "Bobigny",
            latitude: 48.9077, longitude: 2.4397),
        Department(
            code: "94", name: "Val-de-Marne", regionCode: 11, regionName: "Île-de-France", prefecture: "Créteil",
            latitude: 48.7904, longitude: 2.4556),
        Department(
            code: "95", name: "Val-d'Oise", regionCode: 11, regionName: "Île-de-France", prefecture: "Cergy",
            latitude: 49.0364, longitude: 2.0761),
        Department(
            code: "971", name: "Guadeloupe", regionCode: 1, regionName: "Guadeloupe", prefecture: "Basse-Terre",
            latitude: 15.9985, longitude: -61.7261),
        Department(
            code: "972", name: "Martinique", regionCode: 2, regionName: "Martinique", prefecture: "Fort-de-France",
            latitude: 14.6161, longitude: -61.0588),
        Department(
            code: "973", name: "Guyane", regionCode: 3, regionName: "Guyane", prefecture: "Cayenne", latitude: 4.9224,
            longitude: -52.3135),
        Department(
            code: "974", name: "La Réunion", regionCode: 4, regionName: "La Réunion", prefecture: "Saint-Denis",
            latitude: -20.8823, longitude: 55.4504),
        Department(
            code: "976", name: "Mayotte", regionCode: 6, regionName: "Mayotte", prefecture: "Mamoudzou",
            latitude: -12.7806, longitude: 45.2279),
    ]

    /// The département with this code, if any.
    static func named(_ code: String) -> Department? {
        all.first { $0.code == code }
    }
}
