package io.wirestream.enrich.dedupe;

import java.util.ArrayList;
import java.util.List;

/**
 * Invented templated wire copy: the kinds of stories an agency files many times a day from one template, where two
 * different stories share almost every word. Written for these tests; the names, tickers and figures are made up.
 */
public final class TemplatedStories {

    /** A headline and its paragraphs. */
    public record Story(String headline, List<String> paragraphs) {

        /** The same story as a second desk files it: its own prefix on the headline and a credit line. */
        public Story refiled(String prefix) {
            List<String> copy = new ArrayList<>(paragraphs);
            copy.add("(Reporting by Ana Ruiz; Editing by Tom Hale)");
            return new Story(prefix + headline, copy);
        }
    }

    private TemplatedStories() {
    }

    /** A quarterly dividend notice; two companies' notices differ only in the company. */
    public static Story dividend(String company, String ticker, String cents) {
        return new Story(company.toUpperCase() + " <" + ticker + "> SETS QUARTERLY DIVIDEND", List.of(
                company + " said its board of directors declared a regular quarterly dividend of " + cents
                        + " cts per share on its common stock.",
                "The dividend is payable June 15 to shareholders of record at the close of business on May 29, the "
                        + "company said in a statement released after the market closed.",
                "The company said the payout was unchanged from the previous quarter and that it expected to keep "
                        + "paying a regular dividend for the rest of the fiscal year.",
                "Shares of the company closed unchanged on the day in moderate trading, the statement added."));
    }

    /** The central bank's daily reserve operation; two days differ in the term and the amounts. */
    public static Story reserveOperation(String termWord, String billions) {
        return new Story("CENTRAL BANK ADDS RESERVES VIA " + termWord.toUpperCase() + "-DAY REPURCHASES", List.of(
                "The Central Bank of Norland said it entered the government securities market to arrange "
                        + termWord + "-day repurchase agreements for the account of the system.",
                "Dealers said the operation added about " + billions + " billion crowns of temporary reserves to the "
                        + "banking system, broadly in line with what the market had expected this morning.",
                "The overnight interbank rate was trading at about 6-1/4 pct when the bank came in, dealers said, "
                        + "and the bank has been adding reserves at this time of the month.",
                "Economists said the bank was offsetting seasonal drains on reserves and that the operation did not "
                        + "signal any change in policy."));
    }

    /** A refiner's posted price change; a rise and a cut of the same size differ only in the direction word. */
    public static Story bargePrice(String verb, String verbPast) {
        return new Story("NORTHGATE <NGR> " + verb.toUpperCase() + " HEATING OIL BARGE PRICE", List.of(
                "Northgate Refining Corp said it " + verbPast + " the contract price it will pay for heating oil "
                        + "delivered by barge in the harbour by one cent a gallon, effective today.",
                "The company said the change applies to all grades of heating oil bought at its terminals along the "
                        + "coast and brings its posted price in line with the spot market.",
                "Traders said other refiners in the region were expected to follow with similar changes to their "
                        + "own posted prices for barge deliveries later in the week.",
                "Northgate said it would review the price again at the end of the month."));
    }

    /** An exchange listing notice; two companies' listings differ only in the company and ticker. */
    public static Story listing(String company, String ticker) {
        return new Story("HARBOUR EXCHANGE STARTS TRADING " + company.toUpperCase() + " <" + ticker + ">", List.of(
                "The Harbour Stock Exchange said it will start trading the common shares of " + company
                        + " under the symbol " + ticker + " when the market opens on Tuesday.",
                "The exchange said the shares had been traded over the counter until now and that the company "
                        + "met every one of its listing requirements for capital, earnings and public float.",
                "The exchange said it now lists the common stock of more than eight hundred companies, and that "
                        + "the new listing brings the number added this year to forty.",
                "A specialist firm has been assigned to make a market in the stock, the exchange added."));
    }

    /** A correction of a dividend notice: the agency fixes the amount and says so in the headline. */
    public static Story correctedDividend(String company, String ticker, String cents) {
        Story wrong = dividend(company, ticker, cents);
        List<String> paragraphs = new ArrayList<>(wrong.paragraphs());
        paragraphs.add("(Corrects amount of dividend in first paragraph)");
        return new Story("CORRECTED - " + wrong.headline(), paragraphs);
    }

    /** A council's fortnightly notice; two issues differ only below the lead, in who chairs and the next date. */
    public static Story councilNotice(String chairSentence, String nextDate) {
        return new Story("NORLAND CENTRAL BANK WILL NOT HOLD PRESS CONFERENCE TOMORROW", List.of(
                "The Central Bank of Norland will not hold a press conference after its regular fortnightly council "
                        + "meeting tomorrow, a spokeswoman said in answer to enquiries from reporters.",
                "The council usually meets in the morning and any decisions are announced in a written statement "
                        + "released to the news agencies in the early afternoon.",
                chairSentence,
                "The next council meeting is scheduled for " + nextDate + ", the spokeswoman said."));
    }

    /**
     * A housing bank's table of note rates, one row per maturity, with more terms than a story's traits keep; two
     * mornings' tables differ in a few rates of the rows whose new rate is not 5.00 pct.
     */
    public static Story rateTable(int morning) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("The Norland Housing Bank adjusted the rates on its short-term discount notes as follows:");
        paragraphs.add("MATURITY   NEW RATE  OLD RATE  MATURITY");
        StringBuilder rows = new StringBuilder();
        for (int row = 0; row < 40; row++) {
            int from = 30 + row * 9;
            int to = from + 8;
            String old = row % 4 == 1 ? String.format(java.util.Locale.ROOT, "5.%02d", 60 + row) : "5.00";
            String now = row % 4 == 1 ? String.format(java.util.Locale.ROOT, "5.%02d", 60 + row - morning) : "5.00";
            rows.append(from).append('-').append(to).append(" days  ").append(now).append(" pct  ").append(old)
                    .append(" pct  ").append(from).append('-').append(to).append(" days ");
        }
        paragraphs.add(rows.toString().strip());
        return new Story("NORLAND HOUSING BANK CHANGES SHORT-TERM DISCOUNT NOTE RATES", paragraphs);
    }

    /**
     * The central bank's customer repurchases of one morning; two mornings differ in the funds rate of the second
     * paragraph, written as a fraction ("6-3/16") or a word ("six"). The paragraphs below are the same each day.
     */
    public static Story customerRepurchases(String fundsRate) {
        return new Story("CENTRAL BANK OF NORLAND ADDS RESERVES VIA CUSTOMER REPURCHASES", List.of(
                "The Central Bank of Norland entered the government securities market to arrange 1.5 billion crowns "
                        + "of customer repurchase agreements, a bank spokesman said.",
                "Dealers said overnight interbank funds were trading at " + fundsRate + " pct when the bank began "
                        + "its temporary and indirect supply of reserves to the banking system.",
                "The bank had added 2.5 billion crowns of reserves through three-day repurchases earlier in the week, "
                        + "dealers noted, and was expected to come in again before the weekend.",
                "Economists said the bank was offsetting seasonal drains on reserves and that the operations did not "
                        + "signal any change in policy."));
    }

    /** The money-market notice of one morning, two paragraphs; another morning rewords the second around its figure. */
    public static Story moneyMarketNotice(String secondParagraph) {
        return new Story("NORLAND CENTRAL BANK DOES NOT OPERATE IN MONEY MARKET", List.of(
                "The Central Bank of Norland said it had not operated in the money market during the morning session "
                        + "and would review the position again after the midday settlement.",
                secondParagraph));
    }

    /** A short rate table in the second paragraph, a footnote below; two mornings differ in one rate of one row. */
    public static Story shortRateTable(String changedRate) {
        return new Story("NORLAND HOUSING BANK CHANGES DISCOUNT NOTE RATES", List.of(
                "The Norland Housing Bank adjusted the rates on its short-term discount notes as follows:",
                "30-89 days 5.00 pct 5.00 pct; 90-179 days 5.25 pct 5.25 pct; 180-269 days " + changedRate
                        + " pct 5.60 pct; 270-360 days 5.75 pct 5.75 pct; 361-540 days 5.90 pct 5.90 pct.",
                "The bank said the notes are sold in minimum amounts of 100,000 crowns through its 12 dealers."));
    }

    /**
     * A league's results and standings as sports desks file them after each match day: an intro wrapped over two
     * lines, the day's results, then the table. The next day's file lists that day's results first, repeats the
     * earlier day's under their own line, and has a new table; most of its rows are the earlier file's.
     */
    public static Story leagueResults(boolean secondDay) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("Results of Norland premier division soccer");
        paragraphs.add("matches played on " + (secondDay ? "Sunday:" : "Saturday:"));
        if (secondDay) {
            paragraphs.add("Harbour Town 3 Millbrook 1");
            paragraphs.add("Eastfield Rovers 0 Kestrel United 0");
            paragraphs.add("Orrin Athletic 2 Stonebridge 2");
            paragraphs.add("Played on Saturday:");
        }
        paragraphs.add("Halvard City 2 Tamsin Wanderers 1");
        paragraphs.add("Northgate 0 Ashby Park 1");
        paragraphs.add("Redmoor 4 Calder Vale 2");
        paragraphs.add("Standings (tabulate under played, won, drawn, lost, goals for, against, points):");
        if (secondDay) {
            paragraphs.add("Redmoor 1 1 0 0 4 2 3");
            paragraphs.add("Harbour Town 1 1 0 0 3 1 3");
            paragraphs.add("Halvard City 1 1 0 0 2 1 3");
            paragraphs.add("Ashby Park 1 1 0 0 1 0 3");
            paragraphs.add("Orrin Athletic 1 0 1 0 2 2 1");
            paragraphs.add("Stonebridge 1 0 1 0 2 2 1");
            paragraphs.add("Eastfield Rovers 1 0 1 0 0 0 1");
            paragraphs.add("Kestrel United 1 0 1 0 0 0 1");
            paragraphs.add("Tamsin Wanderers 1 0 0 1 1 2 0");
            paragraphs.add("Northgate 1 0 0 1 0 1 0");
            paragraphs.add("Calder Vale 1 0 0 1 2 4 0");
            paragraphs.add("Millbrook 1 0 0 1 1 3 0");
        } else {
            paragraphs.add("Redmoor 1 1 0 0 4 2 3");
            paragraphs.add("Halvard City 1 1 0 0 2 1 3");
            paragraphs.add("Ashby Park 1 1 0 0 1 0 3");
            paragraphs.add("Harbour Town 0 0 0 0 0 0 0");
            paragraphs.add("Orrin Athletic 0 0 0 0 0 0 0");
            paragraphs.add("Stonebridge 0 0 0 0 0 0 0");
            paragraphs.add("Eastfield Rovers 0 0 0 0 0 0 0");
            paragraphs.add("Kestrel United 0 0 0 0 0 0 0");
            paragraphs.add("Millbrook 0 0 0 0 0 0 0");
            paragraphs.add("Tamsin Wanderers 1 0 0 1 1 2 0");
            paragraphs.add("Northgate 1 0 0 1 0 1 0");
            paragraphs.add("Calder Vale 1 0 0 1 2 4 0");
        }
        return new Story("SOCCER - NORLAND PREMIER DIVISION RESULTS/STANDINGS", paragraphs);
    }
}
