package io.storefront.generator;

import java.util.SplittableRandom;

final class Names {

    private static final String[] FIRST = {
            "Aarav", "Vivaan", "Aditya", "Vihaan", "Arjun", "Sai", "Reyansh", "Ayaan", "Krishna", "Ishaan",
            "Shaurya", "Atharv", "Advik", "Pranav", "Rohan", "Rahul", "Amit", "Vikram", "Karan", "Nikhil",
            "Saanvi", "Aanya", "Aadhya", "Ananya", "Pari", "Diya", "Myra", "Sara", "Ira", "Anika",
            "Priya", "Neha", "Pooja", "Kavya", "Meera", "Riya", "Sneha", "Divya", "Shreya", "Tanvi",
            "Harivansh", "Madhav", "Gopal", "Madan", "Yash", "Kabir", "Lakshmi", "Sita", "Radha", "Farah"};
    private static final String[] LAST = {
            "Sharma", "Verma", "Gupta", "Singh", "Kumar", "Patel", "Shah", "Mehta", "Joshi", "Iyer",
            "Nair", "Reddy", "Rao", "Das", "Bose", "Chatterjee", "Banerjee", "Mukherjee", "Kapoor", "Malhotra",
            "Khan", "Ahmed", "Fernandes", "D'Souza", "Pillai", "Menon", "Kulkarni", "Deshpande", "Jain", "Agarwal"};

    private Names() {
    }

    static String person(SplittableRandom random) {
        return FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
    }
}
