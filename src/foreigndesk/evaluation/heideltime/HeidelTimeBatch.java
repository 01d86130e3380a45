// One HeidelTime process for many documents (foreigndesk's baseline for time expressions).
//
// Run with Java's source launcher, the HeidelTime standalone jar on the class path:
//   java -cp de.unihd.dbs.heideltime.standalone.jar HeidelTimeBatch.java config.props
// Reads requests from standard input, one per line: "YYYY-MM-DD<TAB>input.txt<TAB>output.tml"
// (an empty date for none); writes HeidelTime's TimeML for each input to its output file and
// answers "ok<TAB>output.tml" or "error<TAB>message" on a line of standard output. Everything
// HeidelTime itself prints goes to standard error.
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.Date;

public class HeidelTimeBatch {
    public static void main(String[] args) throws Exception {
        PrintStream answers = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");
        System.setOut(System.err);
        HeidelTimeStandalone.readConfigFile(args[0]);
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(Language.ENGLISH, DocumentType.NEWS,
                OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        answers.println("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        String line;
        while ((line = in.readLine()) != null) {
            String[] p = line.split("\t", -1);
            if (p.length != 3) {
                answers.println("error\tbad request");
                continue;
            }
            try {
                String text = Files.readString(Path.of(p[1]), StandardCharsets.UTF_8);
                Date dct = p[0].isEmpty() ? new Date() : day.parse(p[0]);
                String out = tagger.process(text, dct);
                Files.writeString(Path.of(p[2]), out, StandardCharsets.UTF_8);
                answers.println("ok\t" + p[2]);
            } catch (Exception e) {
                answers.println("error\t" + String.valueOf(e).replace('\n', ' '));
            }
        }
    }
}
