package io.storefront.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A believable catalog: categories, sub-categories, products with names, descriptions and prices. */
final class Catalog {

    /** What a sub-category sells and what reviewers talk about. Prices in rupees. */
    record SubCategory(String category, String name, String[] nouns, String[] features, String[] aspects,
                       double minPrice, double maxPrice, double margin) {
    }

    record Product(int index, String id, String name, SubCategory sub, long priceCents, double margin,
                   double quality, String description, String brand, String colour, boolean inStock) {
    }

    static final List<SubCategory> SUB_CATEGORIES = List.of(
            new SubCategory("Clothing", "T-shirt", new String[] {"T-Shirt", "Polo T-Shirt", "Graphic Tee"},
                    new String[] {"soft combed cotton", "a relaxed fit", "reinforced seams", "colour-fast dye"},
                    new String[] {"fabric", "fit", "size", "colour", "stitching"}, 299, 1499, 0.38),
            new SubCategory("Clothing", "Shirt", new String[] {"Oxford Shirt", "Linen Shirt", "Formal Shirt"},
                    new String[] {"a tailored fit", "breathable linen", "mother-of-pearl buttons", "easy-iron finish"},
                    new String[] {"fabric", "fit", "size", "buttons", "colour"}, 599, 2499, 0.35),
            new SubCategory("Clothing", "Trousers", new String[] {"Chinos", "Slim Trousers", "Cargo Trousers"},
                    new String[] {"stretch twill", "deep pockets", "a slim tapered leg", "an adjustable waist"},
                    new String[] {"fit", "size", "fabric", "length", "pockets"}, 799, 2999, 0.34),
            new SubCategory("Clothing", "Saree", new String[] {"Silk Saree", "Cotton Saree", "Georgette Saree"},
                    new String[] {"hand-woven zari work", "a matching blouse piece", "a soft drape", "rich colours"},
                    new String[] {"fabric", "colour", "work", "drape", "packaging"}, 999, 8999, 0.30),
            new SubCategory("Clothing", "Kurti", new String[] {"Printed Kurti", "Anarkali Kurti", "Straight Kurti"},
                    new String[] {"block prints", "a flared silhouette", "three-quarter sleeves", "breathable rayon"},
                    new String[] {"fabric", "fit", "print", "size", "stitching"}, 399, 1999, 0.36),
            new SubCategory("Clothing", "Stole", new String[] {"Woollen Stole", "Printed Stole", "Pashmina Stole"},
                    new String[] {"fine wool", "tasselled edges", "a lightweight weave", "vivid prints"},
                    new String[] {"fabric", "colour", "warmth", "size"}, 249, 2499, 0.40),
            new SubCategory("Clothing", "Shoes", new String[] {"Running Shoes", "Sneakers", "Loafers"},
                    new String[] {"a cushioned sole", "breathable mesh", "a grippy outsole", "memory-foam insoles"},
                    new String[] {"comfort", "size", "sole", "grip", "durability"}, 799, 5999, 0.28),
            new SubCategory("Electronics", "Phones", new String[] {"Smartphone", "5G Smartphone", "Feature Phone"},
                    new String[] {"a 6.5-inch AMOLED display", "a 5000 mAh battery", "a 50 MP camera", "fast charging"},
                    new String[] {"battery", "camera", "display", "performance", "charger"}, 6999, 49999, 0.09),
            new SubCategory("Electronics", "Printers", new String[] {"Inkjet Printer", "Laser Printer", "Photo Printer"},
                    new String[] {"wireless printing", "duplex printing", "a high-yield cartridge", "a compact body"},
                    new String[] {"print quality", "setup", "ink", "speed", "wifi"}, 3999, 24999, 0.12),
            new SubCategory("Electronics", "Electronic Games", new String[] {"Game Controller", "Handheld Console", "Racing Wheel"},
                    new String[] {"low-latency wireless", "rumble feedback", "a rechargeable battery", "wide compatibility"},
                    new String[] {"battery", "buttons", "connectivity", "build quality"}, 1499, 29999, 0.14),
            new SubCategory("Electronics", "Accessories", new String[] {"Power Bank", "USB-C Charger", "Wireless Earbuds"},
                    new String[] {"fast charging", "a compact design", "long battery life", "noise cancellation"},
                    new String[] {"battery", "sound", "charging", "build quality", "fit"}, 499, 7999, 0.25),
            new SubCategory("Electronics", "Laptops", new String[] {"Ultrabook", "Gaming Laptop", "Chromebook"},
                    new String[] {"a backlit keyboard", "16 GB of RAM", "an all-day battery", "a full-HD display"},
                    new String[] {"battery", "display", "keyboard", "performance", "heat"}, 24999, 119999, 0.07),
            new SubCategory("Furniture", "Chairs", new String[] {"Office Chair", "Dining Chair", "Recliner"},
                    new String[] {"lumbar support", "solid sheesham wood", "adjustable height", "high-density foam"},
                    new String[] {"comfort", "assembly", "build quality", "delivery", "cushion"}, 1999, 24999, 0.22),
            new SubCategory("Furniture", "Bookcases", new String[] {"Bookshelf", "Wall Shelf", "Ladder Shelf"},
                    new String[] {"five adjustable shelves", "engineered wood", "a walnut finish", "wall anchoring"},
                    new String[] {"assembly", "finish", "sturdiness", "delivery", "size"}, 1499, 14999, 0.20),
            new SubCategory("Furniture", "Tables", new String[] {"Coffee Table", "Study Table", "Dining Table"},
                    new String[] {"a scratch-resistant top", "solid wood legs", "a storage drawer", "a foldable frame"},
                    new String[] {"finish", "assembly", "sturdiness", "size", "delivery"}, 2499, 34999, 0.18),
            new SubCategory("Furniture", "Furnishings", new String[] {"Cushion Cover Set", "Curtains", "Bedsheet Set"},
                    new String[] {"100% cotton", "fade-resistant prints", "blackout lining", "a 300 thread count"},
                    new String[] {"fabric", "colour", "size", "stitching"}, 399, 3999, 0.42),
            new SubCategory("Home & Kitchen", "Cookware", new String[] {"Non-stick Pan", "Pressure Cooker", "Kadai"},
                    new String[] {"a triple-layer coating", "an induction base", "a cool-touch handle", "food-grade steel"},
                    new String[] {"coating", "handle", "heating", "size", "durability"}, 499, 4999, 0.30),
            new SubCategory("Home & Kitchen", "Appliances", new String[] {"Mixer Grinder", "Air Fryer", "Electric Kettle"},
                    new String[] {"a 750 W motor", "three stainless jars", "auto shut-off", "a one-year warranty"},
                    new String[] {"motor", "noise", "build quality", "warranty", "performance"}, 999, 12999, 0.16),
            new SubCategory("Sports", "Fitness", new String[] {"Yoga Mat", "Dumbbell Set", "Resistance Bands"},
                    new String[] {"a non-slip surface", "anti-tear material", "a carry strap", "an ergonomic grip"},
                    new String[] {"grip", "thickness", "durability", "smell", "size"}, 299, 5999, 0.33),
            new SubCategory("Beauty", "Skincare", new String[] {"Face Wash", "Moisturiser", "Sunscreen SPF 50"},
                    new String[] {"aloe vera", "no parabens", "a non-greasy formula", "vitamin C"},
                    new String[] {"fragrance", "texture", "packaging", "results", "price"}, 149, 1499, 0.45));

    private static final String[] BRANDS = {"Nova", "Kraft", "Aurum", "Vega", "Lumen", "Tara", "Orbit",
            "Zenith", "Maple", "Indus", "Saffron", "Peak", "Urban", "Coast", "Echo", "Atlas"};
    private static final String[] COLOURS = {"Black", "White", "Navy", "Grey", "Red", "Olive", "Beige",
            "Teal", "Maroon", "Mustard", "Walnut", "Silver"};
    private static final String[] QUALIFIERS = {"Classic", "Essential", "Pro", "Plus", "Lite", "Max",
            "Prime", "Eco", "Studio", "Everyday"};

    private final List<Product> products;
    private final Alias popularity;
    private final Alias[] byCategory;
    private final String[] categories;

    Catalog(int size, SplittableRandom random) {
        List<Product> list = new ArrayList<>(size);
        double[] weights = new double[size];
        for (int i = 0; i < size; i++) {
            SubCategory sub = SUB_CATEGORIES.get(i % SUB_CATEGORIES.size());
            String brand = BRANDS[random.nextInt(BRANDS.length)];
            String colour = COLOURS[random.nextInt(COLOURS.length)];
            String noun = sub.nouns()[random.nextInt(sub.nouns().length)];
            String name = brand + " " + QUALIFIERS[random.nextInt(QUALIFIERS.length)] + " " + noun + " (" + colour + ")";
            // log-uniform prices: most products are cheap, a few are expensive
            double price = Math.exp(Math.log(sub.minPrice())
                    + random.nextDouble() * (Math.log(sub.maxPrice()) - Math.log(sub.minPrice())));
            long priceCents = Math.max(99, Math.round(price) * 100 - 1); // prices end in .99
            double margin = Math.max(-0.05, sub.margin() + (random.nextDouble() - 0.5) * 0.2);
            double quality = Math.min(1, Math.max(0, 0.65 + random.nextGaussian() * 0.2));
            String f1 = sub.features()[random.nextInt(sub.features().length)];
            String f2 = sub.features()[random.nextInt(sub.features().length)];
            String description = f1.equals(f2)
                    ? "%s %s in %s with %s.".formatted(brand, noun.toLowerCase(), colour.toLowerCase(), f1)
                    : "%s %s in %s with %s and %s. Part of our %s range.".formatted(
                            brand, noun.toLowerCase(), colour.toLowerCase(), f1, f2, sub.name().toLowerCase());
            boolean inStock = random.nextDouble() > 0.05;
            list.add(new Product(i, "P%06d".formatted(i + 1), name, sub, priceCents, margin, quality,
                    description, brand, colour, inStock));
            // Zipf-like popularity: a long tail, shuffled so popularity does not follow the index
            weights[i] = 1.0 / Math.pow(1 + random.nextInt(size), 0.9);
        }
        products = List.copyOf(list);
        popularity = new Alias(weights);
        categories = SUB_CATEGORIES.stream().map(SubCategory::category).distinct().toArray(String[]::new);
        byCategory = new Alias[categories.length];
        for (int c = 0; c < categories.length; c++) {
            double[] w = new double[size];
            for (int i = 0; i < size; i++) {
                w[i] = products.get(i).sub().category().equals(categories[c]) ? weights[i] : 0;
            }
            byCategory[c] = new Alias(w);
        }
    }

    List<Product> products() { return products; }
    int categoryCount() { return categories.length; }

    Product popular(SplittableRandom random) {
        return products.get(popularity.next(random));
    }

    Product popularIn(int category, SplittableRandom random) {
        return products.get(byCategory[category].next(random));
    }

    Product get(int index) {
        return products.get(index);
    }
}
