import java.util.*;
import java.util.stream.*;
import netbook.lab.*;
import static netbook.lab.Lab.*;
import static netbook.console.Docker.*;
import static netbook.lab.Exercises.*;
