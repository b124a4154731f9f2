package dev.redline.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A fictional copier's rewording tools for the provenance labelled set: a synonym spinner (as
 * article "spinning" services do) and light hand edits. Both only ever replace common lower-case
 * words from {@link #SYNONYMS}; names, places and figures are capitalised or digits and are never
 * touched, as with real spinners. Deterministic for a {@link Random}; not thread-safe.
 */
final class Spinner {
    /** Word = synonyms, covering the vocabulary of {@link FictionalNews}'s clauses. */
    private static final Map<String, String[]> SYNONYMS = new HashMap<>();

    static {
        String table = """
                said=stated,remarked|warned=cautioned,alerted|confirmed=verified,affirmed|insisted=maintained,asserted
                announced=declared,revealed|told=informed,advised|reporters=journalists,the press|argued=contended,claimed
                admitted=acknowledged,conceded|suggested=proposed,hinted|stressed=emphasised,underlined
                serious=grave,severe|unexpected=surprising,unforeseen|controversial=disputed,contentious
                urgent=pressing,critical|modest=small,limited|sweeping=broad,wide-ranging|temporary=interim,provisional
                costly=expensive,pricey|fragile=delicate,shaky|cautious=careful,wary|bitter=acrimonious,harsh
                reviewed=examined,reassessed|raised=prompted,sparked|questions=doubts,queries|people=individuals,persons
                gathered=assembled,congregated|near=close to,beside|officials=authorities,administrators|expect=anticipate,predict
                last=continue,run|days=days' time,full days|described=characterised,portrayed|spokesperson=representative,spokeswoman
                critics=detractors,opponents|pointed=referred,alluded|asked=questioned,wondered|acted=moved,intervened
                promised=pledged,vowed|inquiry=investigation,probe|businesses=firms,companies|reported=recorded,noted
                losses=deficits,shortfalls|thousand=thousand,grand|proposed=suggested,put forward|called=labelled,dubbed
                many=numerous,plenty of|surprise=shock,revelation|led=headed,run|years=years,seasons|walk=step,turn
                mattered=was important,counted|settled=resolved,decided|agrees=consents,accepts|review=assessment,examination
                met=convened,came together|discuss=talk over,debate|cost=set back,drained|million=million,mn
                terminal=station,depot|pier=jetty,quay|crossing=passage,route|vessel=ship,boat|passengers=travellers,riders
                timetable=schedule,rota|harbour=port,dock|ballot=vote,poll|candidates=contenders,nominees|turnout=attendance,participation
                polling=voting,poll|stations=centres,booths|recount=retally,second count|campaign=drive,push|voters=electors,constituents
                results=outcomes,figures|river=waterway,stream|rainfall=rain,precipitation|levees=embankments,dykes
                evacuation=clearance,exodus|sandbags=sand bags,barriers|defences=barriers,protections|residents=locals,inhabitants
                shelters=refuges,havens|talks=negotiations,discussions|delegations=deputations,missions|ministers=secretaries,officials
                communique=statement,declaration|coalition=alliance,bloc|envoys=emissaries,diplomats|ceasefire=truce,armistice
                agenda=programme,schedule|walkout=stoppage,strike|pay=wage,salary|offer=proposal,bid|picket=protest,strike
                lines=cordons,ranks|negotiators=mediators,bargainers|members=affiliates,participants|arbitration=mediation,adjudication
                shifts=rotas,turns|spending=expenditure,outlay|plan=scheme,blueprint|deficit=shortfall,gap|tax=levy,duty
                rise=increase,hike|forecast=projection,prediction|borrowing=lending,debt|reserves=savings,stockpiles
                cuts=reductions,savings|revenue=income,takings|council=board,assembly|assembly=parliament,chamber
                ministry=department,office|union=guild,federation|authority=agency,body|commission=committee,panel
                health=medical,wellbeing|central=main,national|bank=lender,institution|board=panel,committee
                regional=local,area|transport=transit,travel|workers=employees,staff|electoral=election,voting|water=water supply,utility
                northern=north,upper|states=nations,countries|first=initially,originally|before=ahead of,prior to
                about=roughly,around|more=over,above|than=beyond,compared to|why=how come,for what reason|not=never,not yet
                would=will,could|because=since,as|also=too,as well|adding=noting,continuing|away=off,back|until=till,before""";
        for (String group : table.split("\\R")) {
            for (String entry : group.split("\\|")) {
                String[] kv = entry.strip().split("=");
                SYNONYMS.put(kv[0], kv[1].split(","));
            }
        }
    }

    private final Random random;

    Spinner(Random random) {
        this.random = random;
    }

    /** Result of spinning: the text, and how many of its words were replaced out of how many. */
    record Spun(String text, int replaced, int words) {
    }

    /**
     * Replaces about {@code rate} of all the words of {@code text} with synonyms (or as many as the
     * table allows when it covers fewer): every replaceable word is replaced with the same chance.
     */
    Spun spin(String text, double rate) {
        String[] tokens = text.split(" ");
        int replaceable = 0;
        for (String token : tokens) {
            replaceable += SYNONYMS.containsKey(core(token).toLowerCase(Locale.ROOT)) ? 1 : 0;
        }
        double chance = replaceable == 0 ? 0 : Math.min(1, rate * tokens.length / replaceable);
        int replaced = 0;
        for (int i = 0; i < tokens.length; i++) {
            if (SYNONYMS.containsKey(core(tokens[i]).toLowerCase(Locale.ROOT)) && random.nextDouble() < chance) {
                tokens[i] = replace(tokens[i]);
                replaced++;
            }
        }
        return new Spun(String.join(" ", tokens), replaced, tokens.length);
    }

    /**
     * A copier's hand edits of one paragraph: {@code edits} words replaced by synonyms, the first of
     * them as close as possible to a figure or a name, so the five-word runs around it are broken.
     */
    String edit(String paragraph, int edits) {
        String[] tokens = paragraph.split(" ");
        List<Integer> replaceable = new ArrayList<>();
        List<Integer> keywords = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            if (SYNONYMS.containsKey(core(tokens[i]).toLowerCase(Locale.ROOT))) {
                replaceable.add(i);
            }
            if (!tokens[i].isEmpty() && (Character.isDigit(tokens[i].charAt(0)) || Character.isUpperCase(tokens[i].charAt(0)))) {
                keywords.add(i);
            }
        }
        if (replaceable.isEmpty()) {
            return paragraph;
        }
        if (!keywords.isEmpty()) {
            int key = keywords.get(random.nextInt(keywords.size()));
            int nearest = replaceable.stream().min((a, b) -> Integer.compare(Math.abs(a - key), Math.abs(b - key))).orElseThrow();
            tokens[nearest] = replace(tokens[nearest]);
            replaceable.remove(Integer.valueOf(nearest));
            edits--;
        }
        for (int e = 0; e < edits && !replaceable.isEmpty(); e++) {
            int i = replaceable.remove(random.nextInt(replaceable.size()));
            tokens[i] = replace(tokens[i]);
        }
        return String.join(" ", tokens);
    }

    /** The token with its word swapped for a synonym, keeping its punctuation and initial capital. */
    private String replace(String token) {
        String word = core(token);
        String[] options = SYNONYMS.get(word.toLowerCase(Locale.ROOT));
        String synonym = options[random.nextInt(options.length)];
        if (Character.isUpperCase(word.charAt(0))) {
            synonym = Character.toUpperCase(synonym.charAt(0)) + synonym.substring(1);
        }
        int at = token.indexOf(word);
        return token.substring(0, at) + synonym + token.substring(at + word.length());
    }

    /** The letters of a token without leading or trailing punctuation. */
    private static String core(String token) {
        int from = 0;
        int to = token.length();
        while (from < to && !Character.isLetterOrDigit(token.charAt(from))) {
            from++;
        }
        while (to > from && !Character.isLetterOrDigit(token.charAt(to - 1))) {
            to--;
        }
        return token.substring(from, to);
    }
}
